package dev.scopegate.auth;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.BindException;
import java.net.URI;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A JWKS endpoint for tests: serves whatever key set it is given, and counts the fetches. */
final class JwksServer {
  private final HttpServer server;
  private final AtomicInteger fetches = new AtomicInteger();
  private volatile String body = TestTokens.jwks();
  private volatile int status = 200;
  private final NavigableMap<Integer, Promise<Void>> waiting = new TreeMap<>();

  private JwksServer(Vertx vertx) {
    this.server =
        vertx
            .createHttpServer()
            .requestHandler(
                request -> {
                  int count = fetches.incrementAndGet();
                  request
                      .response()
                      .setStatusCode(status)
                      .putHeader("content-type", "application/json")
                      .end(body)
                      .onComplete(done -> served(count));
                });
  }

  /**
   * Listens on {@code port} of 127.0.0.1 (0: any free port). A port another server just released
   * may not be free again at once (the kernel or Vert.x may still hold it), so a bind to a given
   * port is retried for up to a second.
   */
  static Future<JwksServer> start(Vertx vertx, int port) {
    return start(vertx, port, 40);
  }

  private static Future<JwksServer> start(Vertx vertx, int port, int attempts) {
    JwksServer jwks = new JwksServer(vertx);
    return jwks.server
        .listen(port, "127.0.0.1")
        .map(s -> jwks)
        .recover(failure -> port == 0 || attempts <= 1 || !(failure instanceof BindException)
            ? Future.failedFuture(failure)
            : vertx.timer(25).compose(elapsed -> start(vertx, port, attempts - 1)));
  }

  JwksServer serve(String jwks) {
    body = jwks;
    return this;
  }

  JwksServer status(int code) {
    status = code;
    return this;
  }

  /** Completes once {@code n} fetches have been answered. */
  synchronized Future<Void> answered(int n) {
    if (fetches.get() >= n) {
      return Future.succeededFuture();
    }
    Promise<Void> promise = Promise.promise();
    waiting.put(n, promise);
    return promise.future();
  }

  private synchronized void served(int count) {
    waiting.headMap(count, true).values().forEach(Promise::tryComplete);
    waiting.headMap(count, true).clear();
  }

  int fetches() {
    return fetches.get();
  }

  int port() {
    return server.actualPort();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + port() + "/.well-known/jwks.json");
  }

  Future<Void> stop() {
    return server.close();
  }
}
