package dev.scopegate.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.testing.Proxy;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Keys from an identity provider's JWKS: rotation, and a provider that is down at start. */
@ExtendWith(VertxExtension.class)
class JwksWireTest {
  private static final String CALL = Wire.call(1, "eth_chainId", "[]");
  private final KeyPair first = TestTokens.rsa();
  private final KeyPair second = TestTokens.rsa();

  private Vertx vertx;
  private DevNode node;
  private JwksServer jwks;
  private Proxy proxy;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    jwks = JwksServer.start(vertx, 0).await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    if (proxy != null) {
      proxy.close();
    }
    jwks.stop().await(10, TimeUnit.SECONDS);
    node.close().await(10, TimeUnit.SECONDS);
  }

  private void startProxy() throws Exception {
    proxy =
        Proxy.start(
            vertx,
            TestConfigs.config(
                node.httpUrl(), TestConfigs.jwt(Optional.empty(), Optional.of(jwks.url()))));
  }

  private static String token(KeyPair keys, String kid) {
    return TestTokens.token(Instant.now())
        .header("kid", kid)
        .claim("scope", "rpc://eth_*")
        .sign("RS256", keys.getPrivate());
  }

  /** Repeats the call until its status is {@code status}: the key set is fetched asynchronously. */
  private HttpResponse<String> until(int status, String token) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    HttpResponse<String> response;
    do {
      response = proxy.tenant(token, CALL);
    } while (response.statusCode() != status && System.nanoTime() < deadline);
    return response;
  }

  @Test
  void unknownKidIsRefusedUntilTheKeySetRotatesIn() throws Exception {
    jwks.serve(TestTokens.jwks(TestTokens.jwk(first.getPublic(), "k1")));
    startProxy();
    assertEquals(200, until(200, token(first, "k1")).statusCode());

    HttpResponse<String> unknown = proxy.tenant(token(second, "k2"), CALL);
    assertEquals(401, unknown.statusCode());
    assertEquals("invalid access token", Wire.json(unknown).get("error").get("message").asText());

    jwks.serve(
        TestTokens.jwks(
            TestTokens.jwk(first.getPublic(), "k1"), TestTokens.jwk(second.getPublic(), "k2")));
    HttpResponse<String> rotated = until(200, token(second, "k2"));
    assertEquals(200, rotated.statusCode(), rotated.body());
    assertEquals("0x539", Wire.json(rotated).get("result").asText());
  }

  @Test
  void providerDownAtStartThenUp() throws Exception {
    jwks.status(503);
    startProxy();
    HttpResponse<String> down = proxy.tenant(token(first, "k1"), CALL);
    assertEquals(503, down.statusCode());
    assertEquals(
        "token verification unavailable; retry",
        Wire.json(down).get("error").get("message").asText());
    assertEquals(200, proxy.operator(CALL).statusCode(), "operators are unaffected");

    jwks.serve(TestTokens.jwks(TestTokens.jwk(first.getPublic(), "k1"))).status(200);
    HttpResponse<String> up = until(200, token(first, "k1"));
    assertEquals(200, up.statusCode(), up.body());
  }
}
