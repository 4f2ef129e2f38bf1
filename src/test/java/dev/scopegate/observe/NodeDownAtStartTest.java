package dev.scopegate.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.Scopegate;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node that does not answer at start (here: HTTP 503 to everything) is said once, with what to
 * do, however often Scopegate retries; meanwhile Scopegate serves and {@code /ready} says why not.
 */
@ExtendWith(VertxExtension.class)
class NodeDownAtStartTest {

  @Test
  void saidOnceAcrossRetriesAndNotReady(Vertx vertx) throws Exception {
    AtomicInteger requests = new AtomicInteger();
    Promise<Void> secondAttempt = Promise.promise();
    HttpServer node = vertx.createHttpServer().requestHandler(request -> {
      // the first attempt at start sends one probe (eth_getPSI, ModeProbe); a third is a retry's
      if (requests.incrementAndGet() > 2) {
        secondAttempt.tryComplete();
      }
      request.response().setStatusCode(503).end("down");
    }).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    try (LogCapture capture = LogCapture.attach()) {
      var config = TestConfigs.config(URI.create("http://127.0.0.1:" + node.actualPort()),
          TestConfigs.jwt(Optional.empty(), Optional.empty()));
      Scopegate proxy = Scopegate.start(vertx, config).await(20, TimeUnit.SECONDS);
      try {
        secondAttempt.future().await(30, TimeUnit.SECONDS);
        long warned = capture.messages("dev.scopegate.privacy.PrivacyService").stream()
            .filter(m -> m.contains("does not answer yet")).count();
        assertEquals(1, warned, String.join("\n", capture.messages("dev.scopegate.privacy.PrivacyService")));
        assertTrue(capture.messages("dev.scopegate.privacy.PrivacyService").stream()
            .anyMatch(m -> m.contains("SCOPEGATE_UPSTREAM_HTTP")), "the line says what to check");

        var ready = Wire.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + proxy.metricsPort() + "/ready")).GET().build());
        assertEquals(503, ready.statusCode());
        assertTrue(Wire.json(ready).get("checks").get("node").asText().startsWith("not ready: "), ready.body());
      } finally {
        proxy.stop().await(20, TimeUnit.SECONDS);
      }
    } finally {
      node.close().await(10, TimeUnit.SECONDS);
    }
  }
}
