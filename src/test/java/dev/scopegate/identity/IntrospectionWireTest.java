package dev.scopegate.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
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

/**
 * Opaque tokens through an RFC 7662 endpoint with client_secret_post; what is cached, what not.
 * The proxy lists an issuer and an audience: answers without {@code iss}/{@code aud} are served,
 * answers naming others are not.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntrospectionWireTest {
  private static final String CHAIN_ID = Wire.call(1, "eth_chainId", "[]");
  private static final String ISSUER = "https://idp.example/";
  private static final String AUDIENCE = "scopegate";

  private DevNode node;
  private IntrospectionEndpoint endpoint;
  private Proxy proxy;

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    endpoint = IntrospectionEndpoint.start(vertx);
    Config.Jwt jwt = new Config.Jwt(Optional.empty(), Optional.empty(), List.of(ISSUER),
        List.of(AUDIENCE),
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

  @Test
  void anAnswerFromAnotherIssuerOrForAnotherAudienceIsAnInvalidToken() {
    try (LogCapture logs = new LogCapture()) {
      List<String> refused = List.of(
          activeFor("opaque-other-iss-", a -> a.put("iss", "https://evil.example/")),
          activeFor("opaque-null-iss-", a -> a.putNull("iss")),
          activeFor("opaque-other-aud-", a -> a.put("aud", "other-api")),
          activeFor("opaque-other-auds-", a -> a.set("aud",
              Json.MAPPER.createArrayNode().add("other-api").add("billing"))),
          activeFor("opaque-right-iss-other-aud-", a -> a.put("iss", ISSUER).put("aud", "x")));
      for (String token : refused) {
        for (String body : List.of(CHAIN_ID, "[" + CHAIN_ID + "]")) { // single call and batch
          HttpResponse<String> response = proxy.tenant(token, body);
          assertEquals(401, response.statusCode(), token + ": " + response.body());
          assertEquals("invalid access token", message(response));
          assertFalse(response.body().contains("0x539"), response.body());
        }
        assertEquals(1, askedAbout(token).size(), "the refusal is remembered like an inactive one");
      }
      assertFalse(logs.matching("iss is not one of the configured issuers").isEmpty(), logs.all());
      assertFalse(logs.matching("aud names none of the configured audiences").isEmpty(),
          logs.all());
      for (String token : refused) {
        assertFalse(logs.all().contains(token), "a token in the log");
      }
    }
  }

  @Test
  void anAnswerNamingTheConfiguredIssuerAndAudienceIsServed() {
    String string = activeFor("opaque-right-", a -> a.put("iss", ISSUER).put("aud", AUDIENCE));
    String array = activeFor("opaque-right-array-", a -> a.put("iss", ISSUER)
        .set("aud", Json.MAPPER.createArrayNode().add("other-api").add(AUDIENCE)));
    for (String token : List.of(string, array)) {
      HttpResponse<String> response = proxy.tenant(token, CHAIN_ID);
      assertEquals("0x539", Wire.json(response).path("result").asText(), response.body());
    }
  }

  /**
   * A fresh active token granted rpc://eth_chainId (in auth.jwt.scopeClaim of this proxy) for 10
   * minutes, whose answer {@code extra} edits.
   */
  private String activeFor(String prefix, java.util.function.Consumer<ObjectNode> extra) {
    String token = prefix + System.nanoTime();
    ObjectNode answer = Json.MAPPER.createObjectNode().put("permissions", "rpc://eth_chainId")
        .put("sub", "svc").put("exp", Instant.now().plusSeconds(600).getEpochSecond());
    extra.accept(answer);
    endpoint.active(token, answer);
    return token;
  }

  private List<IntrospectionEndpoint.Asked> askedAbout(String token) {
    return endpoint.asked().stream().filter(a -> token.equals(a.token())).toList();
  }

  private static String message(HttpResponse<String> response) {
    return Wire.json(response).get("error").get("message").asText();
  }
}
