package dev.scopegate.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /live} and {@code /ready} on the metrics port, as an orchestrator's probes read them. */
@ExtendWith(VertxExtension.class)
class ReadinessWireTest {
  private Stack stack;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    stack = Stack.start(vertx);
    stack.awaitIndexed();
  }

  @AfterEach
  void stop() throws Exception {
    stack.close();
  }

  private HttpResponse<String> get(String path) {
    URI uri = URI.create("http://127.0.0.1:" + stack.proxy().scopegate().metricsPort() + path);
    return Wire.send(HttpRequest.newBuilder(uri).GET().build());
  }

  private JsonNode checks(HttpResponse<String> ready) {
    return Wire.json(ready).get("checks");
  }

  @Test
  void readyWhenNodeTesseraAndIndexAnswer() {
    HttpResponse<String> ready = get("/ready");

    assertEquals(200, ready.statusCode(), ready.body());
    assertEquals("ready", Wire.json(ready).get("status").asText());
    assertTrue(checks(ready).get("node").asText().startsWith("ok"), ready.body());
    assertEquals("ok", checks(ready).get("privacyManager").asText());
    assertTrue(checks(ready).get("privacyIndex").asText().startsWith("ok, at block "), ready.body());
    assertEquals(200, get("/live").statusCode());
  }

  @Test
  void notReadyWhileTheNodeIsDownAndReadyWhenItIsBack() {
    stack.node().available(false);

    HttpResponse<String> down = get("/ready");
    assertEquals(503, down.statusCode(), down.body());
    assertEquals("not ready", Wire.json(down).get("status").asText());
    assertTrue(checks(down).get("node").asText().startsWith("not ready: "), down.body());
    assertEquals(200, get("/live").statusCode(), "a node that is down does not make Scopegate dead");

    stack.node().available(true);
    HttpResponse<String> back = get("/ready");
    assertEquals(200, back.statusCode(), back.body());
  }

  @Test
  void notReadyWhileTesseraIsDown() {
    stack.node().tessera().available(false);

    HttpResponse<String> down = get("/ready");
    assertEquals(503, down.statusCode(), down.body());
    assertTrue(checks(down).get("privacyManager").asText().startsWith("not ready: "), down.body());
    assertTrue(checks(down).get("node").asText().startsWith("ok"), down.body());

    stack.node().tessera().available(true);
    assertEquals(200, get("/ready").statusCode());
  }

  @Test
  void otherVerbsAndPathsAreRefused() {
    assertEquals(405, Wire.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + stack.proxy().scopegate().metricsPort() + "/ready"))
        .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode());
    assertEquals(404, get("/readyz").statusCode());
  }
}
