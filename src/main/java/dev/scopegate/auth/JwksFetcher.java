package dev.scopegate.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.Json;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/** Fetches and reads a JWKS document. */
final class JwksFetcher implements KeySetFetcher {
  private static final long TIMEOUT_MS = 10_000;

  private final WebClient client;
  private final URI url;

  JwksFetcher(Vertx vertx, URI url) {
    WebClientOptions options =
        new WebClientOptions().setConnectTimeout((int) TIMEOUT_MS).setUserAgent("scopegate");
    this.client = WebClient.create(vertx, options);
    this.url = url;
  }

  /** The usable keys at the URL; fails on a transport error, a non-200 or a set without keys. */
  @Override
  public Future<List<VerificationKey>> fetch() {
    return client
        .getAbs(url.toString())
        .timeout(TIMEOUT_MS)
        .send()
        .compose(
            response -> {
              if (response.statusCode() != 200) {
                return Future.failedFuture("HTTP " + response.statusCode());
              }
              List<VerificationKey> keys;
              try {
                JsonNode set = Json.read(response.bodyAsBuffer().getBytes());
                keys = Jwks.parse(set);
              } catch (IOException | RuntimeException e) {
                return Future.failedFuture("not a JWKS document");
              }
              return keys.isEmpty()
                  ? Future.failedFuture("no RSA or EC signature key in the set")
                  : Future.succeededFuture(keys);
            });
  }

  URI url() {
    return url;
  }

  @Override
  public String describe() {
    return "JWKS " + url;
  }

  @Override
  public void close() {
    client.close();
  }
}
