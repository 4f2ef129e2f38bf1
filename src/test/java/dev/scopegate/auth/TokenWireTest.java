package dev.scopegate.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.config.Config;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.testing.Proxy;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The token matrix as a client meets it: HTTP status, challenge header, JSON-RPC error. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenWireTest {
  private static final String CALL = Wire.call(1, "eth_chainId", "[]");
  private static final KeyPair RSA = TestTokens.rsa();
  private static final KeyPair OTHER = TestTokens.rsa();

  private DevNode node;
  private Proxy proxy;

  @BeforeAll
  void start(Vertx vertx, @TempDir Path dir) throws Exception {
    node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    Path pem = Files.writeString(dir.resolve("issuer.pem"), TestTokens.pem(RSA.getPublic()));
    Config.Jwt jwt =
        new Config.Jwt(
            Optional.of(pem), Optional.empty(), List.of(TestTokens.ISSUER),
            List.of(TestTokens.AUDIENCE), Duration.ofSeconds(30), Duration.ofSeconds(60), "");
    proxy = Proxy.start(vertx, TestConfigs.config(node.httpUrl(), jwt));
  }

  @AfterAll
  void stop() throws Exception {
    proxy.close();
    node.close().await(10, TimeUnit.SECONDS);
  }

  private static TestTokens.Builder valid() {
    return TestTokens.token(Instant.now()).claim("scope", "rpc://eth_*");
  }

  static Stream<Arguments> refusedTokens() {
    Instant now = Instant.now();
    return Stream.of(
        row("malformed", t -> "not-a-jwt", "invalid access token"),
        row("bad signature", t -> TestTokens.tamper(valid().sign("RS256", RSA.getPrivate())), "invalid access token"),
        row("another issuer's key", t -> valid().sign("RS256", OTHER.getPrivate()), "invalid access token"),
        row("alg none", t -> valid().withSignature("none", ""), "invalid access token"),
        row("HS256 keyed with the public key",
            t -> valid().hmac("HS256", TestTokens.pem(RSA.getPublic()).getBytes()), "invalid access token"),
        row("expired", t -> valid().claim("exp", now.minusSeconds(120).getEpochSecond()).sign("RS256", RSA.getPrivate()), "token expired"),
        row("not yet valid", t -> valid().claim("nbf", now.plusSeconds(600).getEpochSecond()).sign("RS256", RSA.getPrivate()), "invalid access token"),
        row("iat 6000 s in the future", t -> valid().claim("iat", now.plusSeconds(6000).getEpochSecond()).sign("RS256", RSA.getPrivate()), "invalid access token"),
        row("iat beyond the 30 s skew", t -> valid().claim("iat", now.plusSeconds(90).getEpochSecond()).sign("RS256", RSA.getPrivate()), "invalid access token"),
        row("iat a string", t -> valid().claim("iat", String.valueOf(now.getEpochSecond())).sign("RS256", RSA.getPrivate()), "invalid access token"),
        row("no exp", t -> valid().without("exp").sign("RS256", RSA.getPrivate()), "invalid access token"),
        row("wrong iss", t -> valid().claim("iss", "https://evil.test/").sign("RS256", RSA.getPrivate()), "invalid access token"),
        row("wrong aud", t -> valid().claim("aud", "someone-else").sign("RS256", RSA.getPrivate()), "invalid access token"));
  }

  private static Arguments row(String name, Function<Void, String> token, String message) {
    return Arguments.of(name, token.apply(null), message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedTokens")
  void refused(String name, String token, String message) {
    HttpResponse<String> response = proxy.tenant(token, CALL);
    assertEquals(401, response.statusCode(), name);
    JsonNode error = Wire.json(response).get("error");
    assertEquals(-32001, error.get("code").asInt());
    assertEquals(message, error.get("message").asText());
    assertTrue(Wire.json(response).get("id").isNull());
    String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
    assertTrue(challenge.startsWith("Bearer realm=\"scopegate\""), challenge);
    assertTrue(challenge.contains("error=\"invalid_token\""), challenge);
  }

  @Test
  void missingToken() {
    HttpResponse<String> response = proxy.post(CALL);
    assertEquals(401, response.statusCode());
    assertEquals("missing access token", Wire.json(response).get("error").get("message").asText());
    assertEquals("Bearer realm=\"scopegate\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
  }

  @Test
  void otherSchemesAreNotTokens() {
    HttpResponse<String> basic = proxy.post(CALL, "Authorization", "Basic dXNlcjpwYXNz");
    assertEquals(401, basic.statusCode());
    assertEquals("invalid access token", Wire.json(basic).get("error").get("message").asText());
  }

  @Test
  void iatWithinTheSkewIsServed() {
    String token = valid().claim("iat", Instant.now().plusSeconds(20).getEpochSecond())
        .sign("RS256", RSA.getPrivate());
    assertEquals("0x539", Wire.json(proxy.tenant(token, CALL)).get("result").asText());
  }

  @Test
  void validTokenIsServed() {
    HttpResponse<String> response = proxy.tenant(valid().sign("RS256", RSA.getPrivate()), CALL);
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("0x539", Wire.json(response).get("result").asText());
  }

  @Test
  void apiKeyMakesAnOperatorAndAWrongOneIsRefusedWhateverTheToken() {
    String balance = Wire.call(2, "eth_getBalance", "[\"" + node.chain().accounts().get(0) + "\",\"latest\"]");
    HttpResponse<String> operator = proxy.operator(balance);
    assertEquals(200, operator.statusCode());
    assertTrue(Wire.json(operator).get("result").asText().startsWith("0x"), operator.body());

    String token = valid().sign("RS256", RSA.getPrivate());
    HttpResponse<String> wrongKey =
        proxy.post(CALL, "X-API-Key", "wrong", "Authorization", "Bearer " + token);
    assertEquals(401, wrongKey.statusCode());
    assertEquals("invalid api key", Wire.json(wrongKey).get("error").get("message").asText());

    HttpResponse<String> emptyKey = proxy.post(CALL, "X-API-Key", "");
    assertEquals(401, emptyKey.statusCode());
  }

  @Test
  void aTenantIsNotAnOperator() {
    String token = valid().claim("scope", "rpc://").sign("RS256", RSA.getPrivate());
    String sign = Wire.call(2, "eth_sign", "[\"" + node.chain().accounts().get(0) + "\",\"0x00\"]");
    assertEquals("not authorized", Wire.json(proxy.tenant(token, sign)).get("error").get("message").asText(),
        "the node's keys are not a tenant's without a grant naming them");
    assertEquals(
        "admin_peers - access denied",
        Wire.json(proxy.tenant(token, Wire.call(3, "admin_peers", "[]"))).get("error").get("message").asText());
  }
}
