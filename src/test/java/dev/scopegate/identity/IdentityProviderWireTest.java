package dev.scopegate.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.config.Config;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.testing.Proxy;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scopegate behind a real OpenID-Connect provider, all through the wire: discovery, tokens from
 * the client-credentials grant, key rotation, the provider down and back, introspection.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityProviderWireTest {
  private static final String CHAIN_ID = Wire.call(1, "eth_chainId", "[]");
  private static final Map<String, Object> CHAIN_ID_SCOPE = Map.of("scope", "rpc://eth_chainId");

  private Vertx vertx;
  private DevNode node;
  private OidcProvider provider;
  private Proxy proxy;
  private LogCapture logs;

  @BeforeAll
  void startNode(Vertx vertx) throws Exception {
    this.vertx = vertx;
    node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stopEach() throws Exception {
    if (proxy != null) {
      proxy.close();
      proxy = null;
    }
    if (provider != null) {
      provider.close();
      provider = null;
    }
    if (logs != null) {
      logs.close();
      logs = null;
    }
  }

  @AfterAll
  void stopNode() throws Exception {
    node.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void discoveryFindsTheKeysAndClientCredentialsTokensAreServedWithinTheirScopes() throws Exception {
    provider = OidcProvider.start(0);
    proxy = Proxy.start(vertx, config(jwt(provider.issuer(), Duration.ofSeconds(60)), Config.Introspection.OFF));
    String token = provider.clientCredentials("dapp", CHAIN_ID_SCOPE);

    HttpResponse<String> served = proxy.tenant(token, CHAIN_ID);
    assertEquals(200, served.statusCode(), served.body());
    assertEquals("0x539", Wire.json(served).get("result").asText());
    HttpResponse<String> outside =
        proxy.tenant(token, Wire.call(2, "eth_blockNumber", "[]"));
    assertEquals("eth_blockNumber - access denied", message(outside));
    assertNotNull(provider.takeRequest("/.well-known/openid-configuration"), "discovery was asked");
  }

  @Test
  void aKeyRotatedRightAfterStartIsAcceptedAndSoIsALaterOne() throws Exception {
    provider = OidcProvider.start(0);
    int port = provider.port();
    // jwksMinRefetch at its default: the fetch at start must not count against it
    proxy = Proxy.start(vertx, config(jwt(provider.issuer(), Duration.ofSeconds(60)), Config.Introspection.OFF));
    assertEquals(200, proxy.tenant(provider.clientCredentials("dapp", CHAIN_ID_SCOPE), CHAIN_ID).statusCode());

    provider.close();
    provider = OidcProvider.start(port); // a new signing key
    HttpResponse<String> afterRotation =
        proxy.tenant(provider.clientCredentials("dapp", CHAIN_ID_SCOPE), CHAIN_ID);
    assertEquals(200, afterRotation.statusCode(), afterRotation.body());

    provider.close();
    provider = OidcProvider.start(port); // rotated again within jwksMinRefetch
    HttpResponse<String> tooSoon =
        proxy.tenant(provider.clientCredentials("dapp", CHAIN_ID_SCOPE), CHAIN_ID);
    assertEquals(401, tooSoon.statusCode(), "at most one refetch per jwksMinRefetch");
  }

  @Test
  void laterRotationsAreFollowedOnceJwksMinRefetchHasPassed() throws Exception {
    provider = OidcProvider.start(0);
    int port = provider.port();
    proxy = Proxy.start(vertx, config(jwt(provider.issuer(), Duration.ofMillis(1)), Config.Introspection.OFF));
    for (int rotation = 0; rotation < 3; rotation++) {
      HttpResponse<String> response =
          proxy.tenant(provider.clientCredentials("dapp", CHAIN_ID_SCOPE), CHAIN_ID);
      assertEquals(200, response.statusCode(), "rotation " + rotation + ": " + response.body());
      provider.close();
      provider = OidcProvider.start(port);
    }
  }

  @Test
  void aProviderDownAtStartIsRetriedReportedOnceAndTokensWorkOnceItIsUp() throws Exception {
    logs = new LogCapture();
    OidcProvider reserved = OidcProvider.start(0);
    int port = reserved.port();
    URI issuer = reserved.issuer();
    String signedByAnEarlierKey = reserved.clientCredentials("dapp", CHAIN_ID_SCOPE);
    reserved.close();
    proxy = Proxy.start(vertx, config(jwt(issuer, Duration.ofMillis(10)), Config.Introspection.OFF));

    HttpResponse<String> down = proxy.tenant(signedByAnEarlierKey, CHAIN_ID);
    assertEquals(503, down.statusCode(), down.body());
    assertEquals("token verification unavailable; retry", message(down));

    provider = OidcProvider.start(port);
    assertNotNull(provider.takeRequest("/.well-known/openid-configuration"), "retried discovery");
    assertNotNull(provider.takeRequest("/jwks"), "then fetched the keys");
    String token = provider.clientCredentials("dapp", CHAIN_ID_SCOPE);
    HttpResponse<String> served = untilNot503(token);
    assertEquals(200, served.statusCode(), served.body());
    List<String> reports = logs.matching("unavailable (");
    assertEquals(1, reports.stream().filter(l -> l.startsWith("WARN")).count(), logs.all());
    assertFalse(logs.matching("reachable again").isEmpty(), logs.all());
  }

  @Test
  void tokensSignedWithKnownKeysKeepWorkingWhileTheProviderIsDown() throws Exception {
    provider = OidcProvider.start(0);
    proxy = Proxy.start(vertx, config(jwt(provider.issuer(), Duration.ofMillis(10)), Config.Introspection.OFF));
    assertEquals(200, proxy.tenant(provider.clientCredentials("a", CHAIN_ID_SCOPE), CHAIN_ID).statusCode());
    String unseen = provider.clientCredentials("b", CHAIN_ID_SCOPE);
    provider.close();
    provider = null;

    HttpResponse<String> response = proxy.tenant(unseen, CHAIN_ID);
    assertEquals(200, response.statusCode(), response.body());
  }

  @Test
  void preferIntrospectionAsksTheDiscoveredEndpointAndInactiveTokensAreRefused() throws Exception {
    logs = new LogCapture();
    provider = OidcProvider.start(0);
    Config.Jwt jwt = withPreferIntrospection(jwt(provider.issuer(), Duration.ofSeconds(60)));
    proxy = Proxy.start(vertx, config(jwt, introspection(Optional.empty(), "client_secret_basic")));
    String token = provider.clientCredentials("dapp", CHAIN_ID_SCOPE);

    HttpResponse<String> served = proxy.tenant(token, CHAIN_ID);
    assertEquals(200, served.statusCode(), served.body());
    RecordedRequest asked = provider.takeRequest("/introspect");
    assertNotNull(asked, "the JWT was introspected");
    assertTrue(asked.getHeader("Authorization").startsWith("Basic "));

    String opaque = "opaque-" + System.nanoTime();
    HttpResponse<String> inactive = proxy.tenant(opaque, CHAIN_ID);
    assertEquals(401, inactive.statusCode());
    assertEquals("invalid access token", message(inactive));
    assertFalse(logs.matching("introspection says inactive").isEmpty(), logs.all());
    assertFalse(logs.all().contains(opaque), "no log holds the token");
    assertFalse(logs.all().contains(token), "no log holds the token");
    assertFalse(logs.all().contains("idp-secret"), "no log holds the client secret");
  }

  @Test
  void introspectionWhileTheProviderIsDownIsRetriableAndWorksWhenItIsBack() throws Exception {
    provider = OidcProvider.start(0);
    int port = provider.port();
    Config.Jwt jwt = withPreferIntrospection(jwt(provider.issuer(), Duration.ofSeconds(60)));
    proxy = Proxy.start(vertx, config(jwt, introspection(Optional.empty(), "client_secret_basic")));
    assertEquals(200, proxy.tenant(provider.clientCredentials("dapp", CHAIN_ID_SCOPE), CHAIN_ID).statusCode());
    provider.close();

    HttpResponse<String> down = proxy.tenant("opaque-while-down", CHAIN_ID);
    assertEquals(503, down.statusCode(), down.body());

    provider = OidcProvider.start(port);
    String token = provider.clientCredentials("dapp", CHAIN_ID_SCOPE);
    HttpResponse<String> back = proxy.tenant(token, CHAIN_ID);
    assertEquals(200, back.statusCode(), back.body());
  }

  @Test
  void anOrchestrateDeploymentsVariablesWorkUnchanged() throws Exception {
    logs = new LogCapture();
    provider = OidcProvider.start(0);
    Config loaded = dev.scopegate.config.ConfigLoader.fromMap(
        Map.of("upstream", Map.of("http", node.httpUrl().toString()),
            "server", Map.of("port", "0"), "metrics", Map.of("port", "0"),
            "privacy", Map.of("index", Map.of("path", "target/test-index-orchestrate"))),
        Map.of("AUTH_JWT_ISSUER_URL", provider.issuer().toString(),
            "AUTH_JWT_AUDIENCE", OidcProvider.AUDIENCE,
            "AUTH_JWT_CLAIMS_NAMESPACE", TenantsWireTest.NAMESPACE));
    proxy = Proxy.start(vertx, loaded);
    String token = provider.clientCredentials("svc", Map.of("scope", "rpc://eth_chainId",
        TenantsWireTest.NAMESPACE, Map.of("tenant_id", "acme", "username", "alice")));

    assertEquals("0x539", Wire.json(proxy.tenant(token, CHAIN_ID)).get("result").asText());
    assertEquals("eth_blockNumber - access denied",
        message(proxy.tenant(token, Wire.call(2, "eth_blockNumber", "[]"))));
    assertTrue(logs.matching("tenant=acme").stream().anyMatch(l -> l.contains("eth_blockNumber")),
        logs.all());
  }

  @Test
  void aGoQuorumSecurityPluginConfigWorksUnchanged(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    provider = OidcProvider.start(0);
    String json = """
        {"tokenValidation": {
           "issuers": ["%s"],
           "introspect": {"endpoint": "%s",
             "authentication": {"method": "client_secret_basic",
               "credentials": {"clientId": "quorum", "clientSecret": "env://INTROSPECTION_SECRET"}}},
           "jws": {"endpoint": "%s", "tlsConnection": {"insecureSkipVerify": false}},
           "jwt": {"authorizationField": "scp", "preferIntrospection": false}}}
        """.formatted(provider.issuer(), provider.issuer() + "/introspect", provider.issuer() + "/jwks");
    java.nio.file.Path plugin = java.nio.file.Files.writeString(dir.resolve("security-config.json"), json);
    java.nio.file.Path yaml = java.nio.file.Files.writeString(dir.resolve("scopegate.yaml"),
        "upstream:\n  http: " + node.httpUrl() + "\nserver:\n  port: 0\nmetrics:\n  port: 0\n"
            + "privacy:\n  index:\n    path: " + dir.resolve("index") + "\n");
    Config loaded = dev.scopegate.config.ConfigLoader.load(
        Optional.of(yaml), Optional.of(plugin), Map.of("INTROSPECTION_SECRET", "admin"));
    proxy = Proxy.start(vertx, loaded);

    String token = provider.clientCredentials("dapp", Map.of("scp", List.of("rpc://eth_chainId")));
    assertEquals("0x539", Wire.json(proxy.tenant(token, CHAIN_ID)).get("result").asText());
    assertEquals("eth_blockNumber - access denied",
        message(proxy.tenant(token, Wire.call(2, "eth_blockNumber", "[]"))));
    HttpResponse<String> inactive = proxy.tenant("opaque-" + System.nanoTime(), CHAIN_ID);
    assertEquals(401, inactive.statusCode(), "opaque tokens go to the plugin's introspection endpoint");
    assertNotNull(provider.takeRequest("/introspect"));
  }

  @Test
  void aDiscoveryDocumentNamingAnotherIssuerIsNotBelieved() throws Exception {
    logs = new LogCapture();
    provider = OidcProvider.start(0);
    // an impostor at the configured issuer URL serves a document that names the real provider's
    // keys under another issuer: Scopegate must not take keys from it
    io.vertx.core.http.HttpServer impostor = vertx.createHttpServer().requestHandler(request ->
        request.response().putHeader("content-type", "application/json").end(
            "{\"issuer\":\"" + provider.issuer() + "\",\"jwks_uri\":\""
                + provider.issuer() + "/jwks\"}"))
        .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    URI configured = URI.create("http://127.0.0.1:" + impostor.actualPort() + "/tenant");
    try {
      proxy = Proxy.start(vertx, config(jwt(configured, Duration.ofMillis(10)), Config.Introspection.OFF));
      String token = provider.clientCredentials("dapp", CHAIN_ID_SCOPE);
      HttpResponse<String> refused = proxy.tenant(token, CHAIN_ID);
      assertEquals(503, refused.statusCode(), refused.body());
      assertTrue(logs.all().contains("names issuer"), logs.all());
    } finally {
      impostor.close().await(10, TimeUnit.SECONDS);
    }
  }

  private HttpResponse<String> untilNot503(String token) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    HttpResponse<String> response = proxy.tenant(token, CHAIN_ID);
    // the keys arrived (see takeRequest above); only their installation may still be under way
    while (response.statusCode() == 503 && System.nanoTime() < deadline) {
      response = proxy.tenant(token, CHAIN_ID);
    }
    return response;
  }

  private static String message(HttpResponse<String> response) {
    return Wire.json(response).get("error").get("message").asText();
  }

  private Config config(Config.Jwt jwt, Config.Introspection introspection) {
    Config c = TestConfigs.config(node.httpUrl(), jwt);
    return new Config(c.upstream(), c.server(), c.ipc(), c.privacy(),
        new Config.Auth(TestConfigs.API_KEY, jwt, introspection, Optional.empty()), c.metrics());
  }

  static Config.Jwt jwt(URI issuer, Duration minRefetch) {
    return new Config.Jwt(Optional.empty(), Optional.empty(), List.of(),
        List.of(OidcProvider.AUDIENCE), Duration.ofSeconds(30), minRefetch, "",
        Optional.of(issuer), "scope", false);
  }

  /**
   * Introspection preferred. mock-oauth2-server 2.1.10 answers introspection with {@code aud} as
   * the Kotlin {@code List.toString()} of the token's audience ({@code "[scopegate]"};
   * Introspect.kt, route {@code introspect}) where real providers send a string or an array;
   * since an answer's {@code aud} is checked against {@code auth.jwt.audiences}, that literal is
   * listed as well.
   */
  static Config.Jwt withPreferIntrospection(Config.Jwt j) {
    List<String> audiences = new java.util.ArrayList<>(j.audiences());
    j.audiences().forEach(aud -> audiences.add("[" + aud + "]"));
    return new Config.Jwt(j.publicKeyFile(), j.jwksUrl(), j.issuers(), List.copyOf(audiences),
        j.clockSkew(), j.jwksMinRefetch(), j.claimsNamespace(), j.issuerUrl(), j.scopeClaim(), true);
  }

  static Config.Introspection introspection(Optional<URI> endpoint, String clientAuth) {
    return new Config.Introspection(endpoint, "scopegate", "idp-secret", clientAuth, 100,
        Duration.ofMinutes(5), Duration.ofSeconds(5));
  }
}
