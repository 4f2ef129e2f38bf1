package dev.scopegate.identity;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.Json;

/**
 * A real OpenID-Connect provider for the tests (NAV's mock-oauth2-server, served by okhttp's
 * MockWebServer): discovery, JWKS, the token endpoint and RFC 7662 introspection, on 127.0.0.1.
 * Each start generates a fresh signing key, so a restart on the same port is a key rotation (the
 * server keeps the key id, its issuer id, as some providers do).
 */
final class OidcProvider implements AutoCloseable {
  static final String ISSUER_ID = "scopegate-idp";
  static final String AUDIENCE = "scopegate";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final MockOAuth2Server server;

  private OidcProvider(MockOAuth2Server server) {
    this.server = server;
  }

  /** On {@code port} of 127.0.0.1 (0: a free one), with a newly generated signing key. */
  static OidcProvider start(int requested) throws Exception {
    // MockWebServer sets SO_REUSEADDR only for a port given, and Linux lets a restart bind over
    // the connections of its predecessor (TIME_WAIT) only when both had it: so a port is always
    // given, a free one when the test asks for any
    int port = requested == 0 ? freePort() : requested;
    for (int attempt = 1; ; attempt++) {
      // no initial keys: the key pair is generated, not the fixed one the jar ships
      OAuth2TokenProvider tokens = new OAuth2TokenProvider(new KeyProvider(List.of(), "RS256"));
      MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(false, null, null, false, tokens));
      try {
        server.start(InetAddress.getByName("127.0.0.1"), port);
        return new OidcProvider(server);
      } catch (Exception e) { // Kotlin declares no checked exceptions; a BindException here
        if (attempt >= 80 || !(e instanceof java.net.BindException)) {
          throw e;
        }
        Thread.sleep(25);
      }
    }
  }

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return probe.getLocalPort();
    }
  }

  int port() {
    return server.baseUrl().port();
  }

  URI issuer() {
    return server.issuerUrl(ISSUER_ID).uri();
  }

  URI wellKnown() {
    return server.wellKnownUrl(ISSUER_ID).uri();
  }

  /**
   * A client-credentials access token from the token endpoint, as a service would get one: the
   * provider adds {@code claims} (scopes, the tenant's namespace) to it.
   */
  String clientCredentials(String clientId, Map<String, Object> claims) throws Exception {
    server.enqueueCallback(
        new DefaultOAuth2TokenCallback(ISSUER_ID, clientId, "JWT", List.of(AUDIENCE), claims, 3600));
    String form = "grant_type=client_credentials&client_id=" + enc(clientId)
        + "&client_secret=secret&scope=" + enc(AUDIENCE);
    HttpResponse<String> response = HTTP.send(
        HttpRequest.newBuilder(server.tokenEndpointUrl(ISSUER_ID).uri())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("token endpoint: " + response.statusCode() + " " + response.body());
    }
    JsonNode body = Json.read(response.body().getBytes(StandardCharsets.UTF_8));
    return body.get("access_token").asText();
  }

  /**
   * The next request the provider received whose path ends with {@code pathEnd}, waiting up to
   * 20 s for it; null if none came. Earlier requests with other paths are passed over.
   */
  okhttp3.mockwebserver.RecordedRequest takeRequest(String pathEnd) throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      okhttp3.mockwebserver.RecordedRequest request = server.takeRequest(
          Math.max(1, (deadline - System.nanoTime()) / 1_000_000), java.util.concurrent.TimeUnit.MILLISECONDS);
      if (request == null) {
        return null;
      }
      String path = request.getPath() == null ? "" : request.getPath();
      if (path.endsWith(pathEnd)) {
        return request;
      }
    }
    return null;
  }

  @Override
  public void close() {
    server.shutdown();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
