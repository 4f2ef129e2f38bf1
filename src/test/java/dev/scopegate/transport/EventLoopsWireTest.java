package dev.scopegate.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.config.Config;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.limits.LimitSet;
import dev.scopegate.limits.LocalBucketStore;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import dev.scopegate.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HTTP port served on several event loops, through the wire: connections to the one port
 * (port 0 asked) are spread over the loops, and what connections share is counted once over all
 * of them: a tenant's call budget, its WebSocket connections and its subscriptions are capped
 * exactly when its clients come on different loops at once, and every place given back is
 * counted back once.
 */
@ExtendWith(VertxExtension.class)
class EventLoopsWireTest {
  private static final int LOOPS = 4;
  private static final String CHAIN_ID = Wire.call(1, "eth_chainId", "[]");
  private static final Pattern ACCEPTED =
      Pattern.compile("scopegate_connections_accepted_total\\{loop=\"([^\"]+)\",transport=\"http\"} (\\S+)");

  private Stack stack;

  /** Scopegate on {@link #LOOPS} event loops, its node socket set, configured by {@code tweak}. */
  private Stack start(Vertx vertx, UnaryOperator<Config> tweak) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    // the clock stands still: a budget spent is not refilled during the test
    stack = Stack.start(vertx, node, new LocalBucketStore(() -> 1_000_000_000L), LOOPS,
        c -> tweak.apply(TestConfigs.withUpstreamWs(c, node.wsUrl())));
    return stack;
  }

  @AfterEach
  void stop() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void connectionsToOnePortAreServedOnSeveralEventLoops(Vertx vertx) throws Exception {
    start(vertx, UnaryOperator.identity());
    assertEquals(LOOPS, stack.proxy().scopegate().httpEventLoops());
    String token = stack.token("rpc://eth_*");
    List<HttpResponse<String>> answers = onNewConnections(16, token);
    answers.forEach(answer -> assertEquals("0x539", Wire.json(answer).path("result").asText(), answer.body()));

    Map<String, Double> byLoop = acceptedByLoop();
    assertEquals(16.0, byLoop.values().stream().mapToDouble(Double::doubleValue).sum(), byLoop.toString());
    assertTrue(byLoop.size() > 1, "served on one event loop only: " + byLoop);
    assertTrue(byLoop.keySet().stream().allMatch(loop -> loop.startsWith("vert.x-eventloop-thread-")),
        byLoop.toString());
  }

  @Test
  void aTenantsCallBudgetIsSpentExactlyOnceOverAllLoops(Vertx vertx) throws Exception {
    start(vertx, c -> c.withLimits(Config.Limits.OFF.withTenant(new LimitSet(10, 0, 0, 0))));
    String token = stack.token("rpc://eth_*");
    List<HttpResponse<String>> answers = onNewConnections(40, token);
    long granted = answers.stream().filter(a -> a.statusCode() == 200).count();
    long refused = answers.stream().filter(a -> a.statusCode() == 429).count();
    assertEquals(10, granted, "the budget of 10, taken from " + LOOPS + " event loops at once");
    assertEquals(30, refused);
    assertTrue(acceptedByLoop().size() > 1, "the calls came on one event loop only");
  }

  @Test
  void aTenantsWebSocketsAndSubscriptionsAreCappedExactlyOverAllLoops(Vertx vertx) throws Exception {
    start(vertx, c -> TestConfigs.withWs(c, new Config.Ws(false, List.of(), 1 << 20, 100, 3,
        Duration.ofSeconds(60), new Config.Subscriptions(100, 5, 100))));
    URI ws = stack.proxy().url();
    String[] auth = {"Authorization", "Bearer " + stack.token("rpc://eth_*")};

    for (int round = 0; round < 2; round++) {
      // eight connect at once: exactly three are let in, whichever loops they land on
      List<CompletableFuture<WsClient>> attempts = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        attempts.add(CompletableFuture.supplyAsync(() -> {
          try {
            return WsClient.connect(ws, auth);
          } catch (Exception refused) {
            return null;
          }
        }));
      }
      List<WsClient> open = attempts.stream().map(CompletableFuture::join).filter(c -> c != null).toList();
      assertEquals(3, open.size(), "round " + round + ": connections admitted of the tenant's 3");

      // four subscriptions each, all at once: exactly five of the tenant's 5 are confirmed
      for (WsClient client : open) {
        for (int i = 0; i < 4; i++) {
          client.send(Wire.call(100 + i, "eth_subscribe", "[\"newHeads\"]"));
        }
      }
      int confirmed = 0;
      for (WsClient client : open) {
        for (int i = 0; i < 4; i++) {
          JsonNode answer = client.answer();
          if (answer.has("result")) {
            confirmed++;
          } else {
            assertEquals(-32005, answer.path("error").path("code").asInt(), answer.toString());
          }
        }
      }
      assertEquals(5, confirmed, "round " + round + ": subscriptions confirmed of the tenant's 5");

      // every place comes back once: the next round finds exactly the same room
      for (WsClient client : open) {
        client.close();
        client.closedWithin(10);
      }
      awaitGauges(0, 0);
    }
    assertTrue(acceptedByLoop().size() > 1, "the connections came on one event loop only");
  }

  /** One call on each of {@code count} new connections, all at once. */
  private List<HttpResponse<String>> onNewConnections(int count, String token) {
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      calls.add(client.sendAsync(HttpRequest.newBuilder(stack.proxy().url())
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(CHAIN_ID))
              .build(),
          HttpResponse.BodyHandlers.ofString()));
    }
    return calls.stream().map(CompletableFuture::join).toList();
  }

  private String metrics() {
    return Wire.send(HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + stack.proxy().scopegate().metricsPort() + "/metrics")).build()).body();
  }

  /** Connections accepted on the HTTP port, by the event loop serving them. */
  private Map<String, Double> acceptedByLoop() {
    Map<String, Double> byLoop = new TreeMap<>();
    Matcher m = ACCEPTED.matcher(metrics());
    while (m.find()) {
      byLoop.put(m.group(1), Double.parseDouble(m.group(2)));
    }
    return byLoop;
  }

  /** Waits (bounded) until the server has released the closed connections and their subscriptions. */
  private void awaitGauges(int connections, int subscriptions) throws InterruptedException {
    String want = "scopegate_ws_connections " + (double) connections;
    String wantSubs = "scopegate_ws_subscriptions " + (double) subscriptions;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    String last = "";
    while (System.nanoTime() < deadline) {
      last = metrics();
      if (last.contains(want) && last.contains(wantSubs)) {
        return;
      }
      java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    throw new AssertionError("still open: " + last.lines().filter(l -> l.startsWith("scopegate_ws_")).toList());
  }
}
