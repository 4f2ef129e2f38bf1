package dev.scopegate.observe;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * Prometheus's scrape endpoint on its own port, unauthenticated: {@code GET /metrics}. Anything
 * else is 404 (other paths) or 405 (other verbs). It serves no JSON-RPC and reads no credentials,
 * so the port can be opened to a scraper without opening the proxy.
 */
public final class MetricsServer {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private MetricsServer() {}

  public static Future<HttpServer> start(Vertx vertx, String host, int port, Metrics metrics) {
    return vertx
        .createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
        .requestHandler(request -> answer(vertx, request, metrics))
        .listen();
  }

  private static void answer(Vertx vertx, HttpServerRequest request, Metrics metrics) {
    if (!request.path().equals("/metrics")) {
      request.response()
          .setStatusCode(404)
          .putHeader("Content-Type", "text/plain")
          .end("not found; see /metrics\n");
      return;
    }
    if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
      request.response().setStatusCode(405).putHeader("Allow", "GET, HEAD").end();
      return;
    }
    // A scrape walks every meter: off the event loop, so a large registry never stalls I/O.
    vertx
        .executeBlocking(metrics::scrape, false)
        .onSuccess(text -> request.response().putHeader("Content-Type", CONTENT_TYPE).end(text))
        .onFailure(e -> request.response().setStatusCode(500).end("scrape failed\n"));
  }
}
