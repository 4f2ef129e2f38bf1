package dev.scopegate.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.scopegate.config.Config;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.testing.Proxy;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Opaque tokens through an RFC 7662 endpoint with client_secret_post; what is cached, what not. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntrospectionWireTest {
  private static final String CHAIN_ID = Wire.call(1, "eth_chainId", "[]");

  private DevNode node;
  private IntrospectionEndpoint endpoint;
  private Proxy proxy;

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    endpoint = IntrospectionEndpoint.start(vertx);
    Config.Jwt jwt = new Config.Jwt(Optional.empty(), Optional.empty(), List.of(), List.of(),
        Duration.ofSeconds(30), Duration.ofSeconds(60), "", Optional.empty(), "permissions", false);
    Config c = TestConfigs.config(node.httpUrl(), jwt);
    proxy = Proxy.start(vertx, new Config(c.upstream(), c.server(), c.ipc(), c.privacy(),
        new Config.Auth(TestConfigs.API_KEY, jwt,
            IdentityProviderWireTest.introspection(Optional.of(endpoint.url()), "client_secret_post"),
            Optional.empty()),
        c.metrics()));
  }

  @AfterAll
  void stop() throws Exception {
    proxy.close();
    endpoint.close().await(10, TimeUnit.SECONDS);
    node.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void anActiveOpaqueTokenIsServedWithinItsScopesAndAskedAboutOnce() {
    String token = "opaque-active-" + System.nanoTime();
    endpoint.active(token, Json.MAPPER.createObjectNode()
        .put("permissions", "rpc://eth_chainId") // auth.jwt.scopeClaim of this proxy
        .put("client_id", "dapp")
        .put("exp", Instant.now().plusSeconds(600).getEpochSecond()));

    assertEquals("0x539", Wire.json(proxy.tenant(token, CHAIN_ID)).get("result").asText());
    assertEquals("0x539", Wire.json(proxy.tenant(token, CHAIN_ID)).get("result").asText());
    assertEquals("eth_blockNumber - access denied",
        message(proxy.tenant(token, Wire.call(2, "eth_blockNumber", "[]"))));
    List<IntrospectionEndpoint.Asked> asked = askedAbout(token);
    assertEquals(1, asked.size(), "the answer was remembered");
    assertEquals("scopegate", asked.get(0).clientId());
    assertNull(asked.get(0).authorization(), "client_secret_post: no Basic header");
  }

  @Test
  void anInactiveTokenIsRefusedAndTheRefusalIsRememberedBriefly() {
    String token = "opaque-unknown-" + System.nanoTime();
    HttpResponse<String> first = proxy.tenant(token, CHAIN_ID);
    assertEquals(401, first.statusCode());
    assertEquals("invalid access token", message(first));
    assertEquals(401, proxy.tenant(token, CHAIN_ID).statusCode());
    assertEquals(1, askedAbout(token).size(), "negative answers are cached too");
  }

  @Test
  void anActiveAnswerWhoseExpHasPassedIsAnExpiredToken() {
    String token = "opaque-expired-" + System.nanoTime();
    endpoint.active(token, Json.MAPPER.createObjectNode()
        .put("scope", "rpc://eth_chainId").put("sub", "svc")
        .put("exp", Instant.now().minusSeconds(600).getEpochSecond()));
    HttpResponse<String> response = proxy.tenant(token, CHAIN_ID);
    assertEquals(401, response.statusCode());
    assertEquals("token expired", message(response));
  }

  @Test
  void activeMustBeTheBooleanTrue() {
    String token = "opaque-string-active-" + System.nanoTime();
    endpoint.answer(token, Json.MAPPER.createObjectNode()
        .put("active", "true").put("scope", "rpc://eth_chainId").put("sub", "svc"));
    HttpResponse<String> response = proxy.tenant(token, CHAIN_ID);
    assertEquals(401, response.statusCode(), "RFC 7662: active is a JSON boolean");
    assertEquals("invalid access token", message(response));
  }

  @Test
  void theScopeClaimIsConfigurableAndScpIsAccepted() {
    String permissions = "opaque-permissions-" + System.nanoTime();
    endpoint.active(permissions, Json.MAPPER.createObjectNode().put("sub", "svc")
        .put("exp", Instant.now().plusSeconds(600).getEpochSecond())
        .put("scope", "rpc://eth_blockNumber")
        .set("permissions", Json.MAPPER.createArrayNode().add("rpc://eth_chainId")));
    assertEquals("0x539", Wire.json(proxy.tenant(permissions, CHAIN_ID)).get("result").asText());
    assertEquals("eth_blockNumber - access denied",
        message(proxy.tenant(permissions, Wire.call(2, "eth_blockNumber", "[]"))),
        "auth.jwt.scopeClaim names the claim; scope is then not read");

    String scp = "opaque-scp-" + System.nanoTime();
    endpoint.active(scp, Json.MAPPER.createObjectNode().put("sub", "svc")
        .put("exp", Instant.now().plusSeconds(600).getEpochSecond())
        .put("scp", "rpc://eth_chainId"));
    assertEquals("0x539", Wire.json(proxy.tenant(scp, CHAIN_ID)).get("result").asText());
  }

  private List<IntrospectionEndpoint.Asked> askedAbout(String token) {
    return endpoint.asked().stream().filter(a -> token.equals(a.token())).toList();
  }

  private static String message(HttpResponse<String> response) {
    return Wire.json(response).get("error").get("message").asText();
  }
}
