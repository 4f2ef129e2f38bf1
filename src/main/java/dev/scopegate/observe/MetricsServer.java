package dev.scopegate.observe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.jsonrpc.Json;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * Prometheus's scrape endpoint on its own port, unauthenticated: {@code GET /metrics}; and the
 * probes of an orchestrator: {@code GET /live} (200 while the server's event loop answers) and
 * {@code GET /ready} (200 when every {@link Readiness} check passes, else 503; a JSON body says
 * which). Anything else is 404 (other paths) or 405 (other verbs). It serves no JSON-RPC and
 * reads no credentials, so the port can be opened to a scraper without opening the proxy.
 */
public final class MetricsServer {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private MetricsServer() {}

  public static Future<HttpServer> start(Vertx vertx, String host, int port, Metrics metrics) {
    return start(vertx, host, port, metrics, Readiness.ALWAYS);
  }

  public static Future<HttpServer> start(
      Vertx vertx, String host, int port, Metrics metrics, Readiness readiness) {
    return vertx
        .createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
        .requestHandler(request -> answer(vertx, request, metrics, readiness))
        .listen();
  }

  private static void answer(Vertx vertx, HttpServerRequest request, Metrics metrics, Readiness readiness) {
    String path = request.path();
    if (!path.equals("/metrics") && !path.equals("/live") && !path.equals("/ready")) {
      request.response()
          .setStatusCode(404)
          .putHeader("Content-Type", "text/plain")
          .end("not found; see /metrics, /live, /ready\n");
      return;
    }
    if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
      request.response().setStatusCode(405).putHeader("Allow", "GET, HEAD").end();
      return;
    }
    if (path.equals("/live")) {
      request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"live\"}\n");
      return;
    }
    if (path.equals("/ready")) {
      readiness.check().onComplete(report -> ready(request, report.result()));
      return;
    }
    // A scrape walks every meter: off the event loop, so a large registry never stalls I/O.
    vertx
        .executeBlocking(metrics::scrape, false)
        .onSuccess(text -> request.response().putHeader("Content-Type", CONTENT_TYPE).end(text))
        .onFailure(e -> request.response().setStatusCode(500).end("scrape failed\n"));
  }

  private static void ready(HttpServerRequest request, Readiness.Report report) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("status", report.ready() ? "ready" : "not ready");
    ObjectNode checks = body.putObject("checks");
    report.checks().forEach(checks::put);
    request.response()
        .setStatusCode(report.ready() ? 200 : 503)
        .putHeader("Content-Type", "application/json")
        .end(body.toString() + "\n");
  }
}
