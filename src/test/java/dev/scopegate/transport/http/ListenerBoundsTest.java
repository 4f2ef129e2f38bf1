package dev.scopegate.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.config.Config;
import dev.scopegate.testing.RawHttp;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener's bounds before and around authentication, attacked over raw TCP: bodies never
 * buffered for unauthenticated callers, a global in-flight body budget, idle and request-read
 * timeouts, a total connection limit, and no cleartext HTTP/2. A legitimate tenant is served
 * throughout.
 */
@ExtendWith(VertxExtension.class)
class ListenerBoundsTest {
  private static final Logger LOG = LoggerFactory.getLogger(ListenerBoundsTest.class);
  private static final String CALL = Wire.call(1, "eth_chainId", "[]");
  private static final String FIVE_MIB = "5242880";

  private Stack stack;

  private Stack start(Vertx vertx, Config.Connections connections) throws Exception {
    UnaryOperator<Config> tweak = c -> TestConfigs.withConnections(c, connections);
    stack = Stack.start(vertx, tweak);
    return stack;
  }

  @AfterEach
  void stop() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  private URI url() {
    return stack.proxy().url();
  }

  private void tenantIsServed() {
    HttpResponse<String> r = stack.proxy().tenant(stack.token("rpc://eth_*"), CALL);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(Wire.json(r).has("result"), r.body());
  }

  @Test
  void unauthenticatedBigBodiesAreRefusedFromTheHeadersAndHeapStaysBounded(Vertx vertx)
      throws Exception {
    start(vertx, Config.Connections.DEFAULTS);
    int attackers = 300;
    byte[] part = new byte[64 * 1024];
    java.util.Arrays.fill(part, (byte) ' ');
    long before = usedHeapAfterGc();
    List<RawHttp> open = new ArrayList<>();
    try {
      for (int i = 0; i < attackers; i++) {
        RawHttp c = RawHttp.connect(url());
        open.add(c);
        // 5 MiB declared, 64 KiB sent, the rest never: the answer must not wait for it
        c.send(RawHttp.post(5_242_880, i % 2 == 0 ? "Authorization: Bearer not-a-token" : "X-Other: x"))
            .send(part);
      }
      tenantIsServed();
      for (RawHttp c : open) {
        String answer = c.readUntilClosed();
        assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
        assertTrue(answer.contains("\"code\":-32001"), answer);
      }
      long after = usedHeapAfterGc();
      LOG.info("{} unauthenticated 5 MiB-declared requests: heap {} MiB before, {} MiB after",
          attackers, before >> 20, after >> 20);
      // before the fix, 60 such connections added ~1.1 GB
      assertTrue(after - before < 64L << 20, "heap grew by " + ((after - before) >> 20) + " MiB");
    } finally {
      for (RawHttp c : open) {
        c.close();
      }
    }
    tenantIsServed();
  }

  @Test
  void authenticatedBodiesShareABudgetAndSlowOnesTimeOut(Vertx vertx) throws Exception {
    start(vertx, new Config.Connections(100, 6L << 20, Duration.ofSeconds(60), Duration.ofSeconds(2)));
    try (RawHttp slow = RawHttp.connect(url()); RawHttp over = RawHttp.connect(url())) {
      // holds 5 MiB of the 6 MiB budget while it trickles
      slow.send(RawHttp.post(5_242_880, "X-API-Key: " + TestConfigs.API_KEY)).send("[");
      tenantIsServed(); // a small body still fits
      over.send(RawHttp.post(2_000_000, "X-API-Key: " + TestConfigs.API_KEY));
      String refused = over.readUntilClosed();
      assertTrue(refused.startsWith("HTTP/1.1 503"), refused);
      assertTrue(refused.contains("server busy; retry"), refused);
      assertTrue(refused.contains("Retry-After"), refused);
      String timedOut = slow.readUntilClosed();
      assertTrue(timedOut.startsWith("HTTP/1.1 408"), timedOut);
      assertTrue(timedOut.contains("request timed out"), timedOut);
    }
    // the timed-out request gave its bytes back
    HttpResponse<String> big = stack.proxy().operator(
        "[" + (CALL + ",").repeat(60) + CALL + "]" + " ".repeat(4_000_000));
    assertEquals(200, big.statusCode(), big.body());
  }

  @Test
  void idleAndHalfSentHeadersAreClosed(Vertx vertx) throws Exception {
    start(vertx, new Config.Connections(100, 64L << 20, Duration.ofSeconds(1), Duration.ofSeconds(30)));
    try (RawHttp silent = RawHttp.connect(url()); RawHttp trickle = RawHttp.connect(url());
        RawHttp kept = RawHttp.connect(url())) {
      trickle.send("POST / HTTP/1.1\r\nHost: localhost\r\n");
      kept.send(RawHttp.post(CALL.length(), "X-API-Key: " + TestConfigs.API_KEY) + CALL);
      assertTrue(kept.readAnswer().startsWith("HTTP/1.1 200"));
      assertEquals("", silent.readUntilClosed());
      assertEquals("", trickle.readUntilClosed());
      assertEquals("", kept.readUntilClosed()); // idle after its answer
    }
    tenantIsServed();
  }

  @Test
  void connectionsBeyondTheLimitAreRefusedClearly(Vertx vertx) throws Exception {
    start(vertx, new Config.Connections(4, 64L << 20, Duration.ofSeconds(60), Duration.ofSeconds(30)));
    List<RawHttp> held = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        RawHttp c = RawHttp.connect(url());
        held.add(c);
        c.send(RawHttp.post(CALL.length(), "X-API-Key: " + TestConfigs.API_KEY) + CALL);
        assertTrue(c.readAnswer().startsWith("HTTP/1.1 200")); // accepted and counted
      }
      try (RawHttp fifth = RawHttp.connect(url())) {
        fifth.send(RawHttp.post(CALL.length(), "X-API-Key: " + TestConfigs.API_KEY) + CALL);
        String refused = fifth.readUntilClosed();
        assertTrue(refused.startsWith("HTTP/1.1 503"), refused);
        assertTrue(refused.contains("too many connections"), refused);
      }
      held.remove(0).close();
      HttpResponse<String> served = awaitServed();
      assertEquals(200, served.statusCode(), served.body());
    } finally {
      for (RawHttp c : held) {
        c.close();
      }
    }
  }

  /** The server learns of a client's close asynchronously: ask until a connection slot is free. */
  private HttpResponse<String> awaitServed() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    HttpResponse<String> last;
    do {
      last = stack.proxy().tenant(stack.token("rpc://eth_*"), CALL);
      if (last.statusCode() == 200) {
        return last;
      }
      Thread.onSpinWait();
    } while (System.nanoTime() < deadline);
    return last;
  }

  @Test
  void cleartextHttp2IsNotSpoken(Vertx vertx) throws Exception {
    start(vertx, Config.Connections.DEFAULTS);
    try (RawHttp prior = RawHttp.connect(url())) {
      prior.send("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
      String answer = prior.readUntilClosed();
      // an HTTP/2 server would answer with a binary SETTINGS frame (type 0x4 at byte 3)
      assertFalse(answer.length() > 3 && answer.charAt(3) == 4, "answered as HTTP/2");
      // the HTTP/1 codec reads the preface as a request line and refuses it in text
      assertTrue(answer.isEmpty() || answer.contains(" 501 Not Implemented"), "[" + answer + "]");
    }
    HttpResponse<String> upgraded = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()
        .send(HttpRequest.newBuilder(url())
            .header("Content-Type", "application/json")
            .header("X-API-Key", TestConfigs.API_KEY)
            .POST(HttpRequest.BodyPublishers.ofString(CALL)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(HttpClient.Version.HTTP_1_1, upgraded.version());
    assertEquals(200, upgraded.statusCode());
  }

  @Test
  void onlyTheCanonicalPathIsServed(Vertx vertx) throws Exception {
    start(vertx, Config.Connections.DEFAULTS);
    for (String path : List.of("//", "/./", "/%2e/", "/%2E", "/a/..", "/%2F")) {
      try (RawHttp c = RawHttp.connect(url())) {
        c.send(RawHttp.post(CALL.length(), "X-API-Key: " + TestConfigs.API_KEY)
            .replaceFirst("POST / ", "POST " + path + " ") + CALL);
        String answer = c.readAnswer();
        assertTrue(answer.startsWith("HTTP/1.1 404"), path + ": " + answer);
      }
    }
    tenantIsServed();
  }

  private static long usedHeapAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
