package dev.scopegate.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.Json;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * OpenID-Connect discovery: the issuer's {@code /.well-known/openid-configuration} names its key
 * set and, where offered, its introspection endpoint. A document read once is kept; a failed read
 * is not, so the next caller tries again (the key source retries with backoff).
 */
final class OidcDiscovery {
  private static final long TIMEOUT_MS = 10_000;
  private static final String WELL_KNOWN = "/.well-known/openid-configuration";

  /** What Scopegate uses of the discovery document. */
  record Document(URI jwksUri, Optional<URI> introspectionEndpoint) {}

  private final WebClient client;
  private final URI issuer;
  private final AtomicReference<Future<Document>> read = new AtomicReference<>();

  OidcDiscovery(Vertx vertx, URI issuer) {
    this.client = WebClient.create(vertx,
        new WebClientOptions().setConnectTimeout((int) TIMEOUT_MS).setUserAgent("scopegate"));
    this.issuer = issuer;
  }

  URI issuer() {
    return issuer;
  }

  URI documentUrl() {
    String base = issuer.toString();
    return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + WELL_KNOWN);
  }

  Future<Document> document() {
    Future<Document> current = read.get();
    if (current != null && !current.failed()) {
      return current;
    }
    Future<Document> next = fetch();
    read.set(next);
    return next;
  }

  void close() {
    client.close();
  }

  private Future<Document> fetch() {
    return client.getAbs(documentUrl().toString()).timeout(TIMEOUT_MS).send().compose(response -> {
      if (response.statusCode() != 200) {
        return Future.failedFuture("discovery " + documentUrl() + ": HTTP " + response.statusCode());
      }
      try {
        return Future.succeededFuture(parse(Json.read(response.bodyAsBuffer().getBytes())));
      } catch (IOException | RuntimeException e) {
        return Future.failedFuture("discovery " + documentUrl() + ": " + e.getMessage());
      }
    });
  }

  private Document parse(JsonNode doc) {
    // OpenID Connect Discovery 1.0 §4.3: the document's issuer must be the one asked, else an
    // attacker's document could name its own keys (trailing slashes aside)
    String named = doc.path("issuer").asText("");
    if (!trimmed(named).equals(trimmed(issuer.toString()))) {
      throw new IllegalArgumentException("names issuer '" + named + "', not " + issuer);
    }
    URI jwks = httpUrl(doc.path("jwks_uri"))
        .orElseThrow(() -> new IllegalArgumentException("no http(s) jwks_uri"));
    return new Document(jwks, httpUrl(doc.path("introspection_endpoint")));
  }

  private static Optional<URI> httpUrl(JsonNode node) {
    if (!node.isTextual()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(node.textValue());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
          ? Optional.of(uri) : Optional.empty();
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static String trimmed(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
