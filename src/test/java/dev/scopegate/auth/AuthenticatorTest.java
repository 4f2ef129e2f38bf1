package dev.scopegate.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.config.Config;
import dev.scopegate.jsonrpc.RpcError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticatorTest {
  private static final String KEY = "s3cret-operator-key";
  private static final String GOOD = "good.token.value";
  private static final Principal TENANT =
      Principal.tenant("alice", Optional.of("alice"), List.of(), List.of(), Instant.MAX);

  /** Accepts {@link #GOOD}, refuses anything else; records what it was asked. */
  private final List<String> verified = new ArrayList<>();

  private final TokenVerifier verifier =
      token -> {
        verified.add(token);
        return token.equals(GOOD)
            ? Future.succeededFuture(TENANT)
            : Future.failedFuture(RpcError.TOKEN_EXPIRED.exception());
      };
  private final Authenticator authenticator = new Authenticator(KEY, verifier);

  @Test
  void rightApiKeyIsAnOperator() {
    Principal principal =
        Await.result(authenticator.authenticate(Optional.empty(), Optional.of(KEY)));

    assertTrue(principal.isOperator());
    assertEquals("api-key", principal.subject());
  }

  @Test
  void wrongApiKeyIsRefused() {
    assertEquals(
        RpcError.INVALID_API_KEY,
        Await.error(authenticator.authenticate(Optional.empty(), Optional.of(KEY + "x"))));
  }

  @Test
  void wrongApiKeyIsRefusedEvenWithAValidToken() {
    assertEquals(
        RpcError.INVALID_API_KEY,
        Await.error(
            authenticator.authenticate(Optional.of("Bearer " + GOOD), Optional.of("nope"))));
    assertTrue(verified.isEmpty(), "the token is not even looked at");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "anything", KEY})
  void apiKeyOffRefusesEveryKey(String presented) {
    Authenticator off = new Authenticator("", verifier);

    assertEquals(
        RpcError.INVALID_API_KEY,
        Await.error(off.authenticate(Optional.of("Bearer " + GOOD), Optional.of(presented))));
  }

  @Test
  void aClientCertificateAloneIsAnOperator() {
    Principal principal = Await.result(authenticator.authenticate(
        Optional.empty(), Optional.empty(), Optional.empty(), true));

    assertTrue(principal.isOperator());
    assertEquals("mtls", principal.subject());
  }

  @Test
  void withAClientCertificateAWrongApiKeyIsStillRefused() {
    assertEquals(RpcError.INVALID_API_KEY, Await.error(authenticator.authenticate(
        Optional.of("Bearer " + GOOD), Optional.of(KEY + "x"), Optional.empty(), true)));
    assertTrue(verified.isEmpty(), "the token is not even looked at");
  }

  @Test
  void withAClientCertificateTheRightApiKeyDecides() {
    Principal principal = Await.result(authenticator.authenticate(
        Optional.empty(), Optional.of(KEY), Optional.empty(), true));

    assertTrue(principal.isOperator());
    assertEquals("api-key", principal.subject());
  }

  @Test
  void aClientCertificateDoesNotLetATenantBeNamed() {
    assertEquals(RpcError.TENANT_HEADER_NOT_ALLOWED, Await.error(authenticator.authenticate(
        Optional.empty(), Optional.empty(), Optional.of("acme"), true)));
  }

  @Test
  void withAClientCertificateATokenIsNotLookedAt() {
    Principal principal = Await.result(authenticator.authenticate(
        Optional.of("Bearer not-a-good-token"), Optional.empty(), Optional.empty(), true));

    assertEquals("mtls", principal.subject());
    assertTrue(verified.isEmpty(), "the certificate decides; the token is ignored");
  }

  @Test
  void noHeadersIsAMissingToken() {
    assertEquals(
        RpcError.MISSING_TOKEN,
        Await.error(authenticator.authenticate(Optional.empty(), Optional.empty())));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "Basic YWxpY2U6cGFzcw==",
        "Bearer",
        "Bearer    ",
        "",
        "Token " + GOOD,
        "Bearer" + GOOD
      })
  void anythingButABearerTokenIsInvalid(String authorization) {
    assertEquals(
        RpcError.INVALID_TOKEN,
        Await.error(authenticator.authenticate(Optional.of(authorization), Optional.empty())));
    assertTrue(verified.isEmpty());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"Bearer " + GOOD, "bearer " + GOOD, "BEARER  " + GOOD + " "})
  void bearerTokenInAnyCaseGoesToTheVerifier(String authorization) {
    Principal principal =
        Await.result(authenticator.authenticate(Optional.of(authorization), Optional.empty()));

    assertEquals(TENANT, principal);
    assertEquals(List.of(GOOD), verified);
  }

  @Test
  void theVerifiersRefusalIsPassedOn() {
    assertEquals(
        RpcError.TOKEN_EXPIRED,
        Await.error(authenticator.authenticate(Optional.of("Bearer other"), Optional.empty())));
  }

  @Test
  @ExtendWith(VertxExtension.class)
  void fromConfigWithoutKeysOnlyTheApiKeyGetsIn(Vertx vertx) {
    Config.Jwt jwt =
        new Config.Jwt(
            Optional.empty(),
            Optional.empty(),
            List.of(),
            List.of(),
            Duration.ofSeconds(30),
            Duration.ofSeconds(60),
            "");
    Authenticator fromConfig = Authenticator.create(vertx, new Config.Auth(KEY, jwt));

    assertTrue(
        Await.result(fromConfig.authenticate(Optional.empty(), Optional.of(KEY))).isOperator());
    assertEquals(
        RpcError.INVALID_TOKEN,
        Await.error(fromConfig.authenticate(Optional.of("Bearer " + GOOD), Optional.empty())));
    Await.result(fromConfig.close());
  }
}
