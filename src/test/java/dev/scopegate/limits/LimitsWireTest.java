package dev.scopegate.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.config.Config;
import dev.scopegate.testing.IpcClient;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import dev.scopegate.testing.WsClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Calls per second and per-call refusals through the wire: HTTP single (429 + Retry-After),
 * batches, WebSocket, IPC and API-key operators, tenants apart. Time is a clock the test moves.
 */
@ExtendWith(VertxExtension.class)
class LimitsWireTest {
  static final String CHAIN_ID = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}";

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private Stack stack;

  private Stack start(Vertx vertx, UnaryOperator<Config> tweak) throws Exception {
    stack = Stack.start(vertx, new LocalBucketStore(nanos::get), tweak);
    return stack;
  }

  private static UnaryOperator<Config> tenantLimits(LimitSet tenant) {
    return c -> c.withLimits(Config.Limits.OFF.withTenant(tenant));
  }

  private void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  @AfterEach
  void stop() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  static void assertLimited(JsonNode answer, String limit) {
    JsonNode error = answer.path("error");
    assertEquals(-32005, error.path("code").asInt(), answer.toString());
    assertTrue(error.path("message").asText().contains("limit exceeded"), answer.toString());
    assertTrue(error.path("message").asText().startsWith(limit), answer.toString());
    assertTrue(error.path("data").asText().startsWith(limit + ": retry after "), answer.toString());
  }

  @Test
  void aSingleHttpCallOverTheRateIs429WithRetryAfterAndNeverReachesTheNode(Vertx vertx) throws Exception {
    start(vertx, tenantLimits(new LimitSet(2, 0, 0, 0)));
    String token = stack.token("rpc://eth_*");
    stack.node().resetRequestCounts();
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> ok = stack.proxy().tenant(token, CHAIN_ID);
      assertEquals(200, ok.statusCode());
      assertEquals("0x539", Wire.json(ok).path("result").asText());
    }
    HttpResponse<String> refused = stack.proxy().tenant(token, CHAIN_ID);
    assertEquals(429, refused.statusCode(), refused.body());
    // 2 per second: the next token in 500 ms, which Retry-After rounds up to whole seconds
    assertEquals("1", refused.headers().firstValue("Retry-After").orElseThrow());
    assertLimited(Wire.json(refused), "requestsPerSecond");
    assertEquals("requestsPerSecond: retry after 500 ms", Wire.json(refused).path("error").path("data").asText());
    assertEquals(1, Wire.json(refused).path("id").asInt());
    assertEquals(2, stack.node().requestCount("eth_chainId"), "the refused call never reached the node");

    advance(Duration.ofMillis(499));
    assertEquals(429, stack.proxy().tenant(token, CHAIN_ID).statusCode(), "not refilled yet");
    advance(Duration.ofMillis(1));
    HttpResponse<String> again = stack.proxy().tenant(token, CHAIN_ID);
    assertEquals(200, again.statusCode(), again.body());
    assertFalse(again.headers().firstValue("Retry-After").isPresent());
    assertEquals(3, stack.node().requestCount("eth_chainId"));
  }

  @Test
  void burstIsTheBucketSize(Vertx vertx) throws Exception {
    start(vertx, tenantLimits(new LimitSet(1, 5, 0, 0)));
    String token = stack.token("rpc://eth_*");
    for (int i = 0; i < 5; i++) {
      assertEquals(200, stack.proxy().tenant(token, CHAIN_ID).statusCode(), "call " + i + " within the burst");
    }
    HttpResponse<String> refused = stack.proxy().tenant(token, CHAIN_ID);
    assertEquals(429, refused.statusCode());
    assertEquals("requestsPerSecond: retry after 1000 ms", Wire.json(refused).path("error").path("data").asText());
  }

  @Test
  void inABatchTheRefusedCallsFailAndTheOthersAreAnswered(Vertx vertx) throws Exception {
    start(vertx, tenantLimits(new LimitSet(3, 0, 0, 0)));
    String token = stack.token("rpc://eth_*", "rpc://net_*");
    stack.node().resetRequestCounts();
    String batch = "[" + Wire.call(1, "eth_chainId", "[]") + "," + Wire.call(2, "net_version", "[]") + ","
        + Wire.call(3, "eth_chainId", "[]") + "," + Wire.call(4, "eth_chainId", "[]") + ","
        + Wire.call(5, "net_version", "[]") + "]";
    HttpResponse<String> response = stack.proxy().tenant(token, batch);
    assertEquals(200, response.statusCode(), "part of the batch was answered");
    assertFalse(response.headers().firstValue("Retry-After").isPresent());
    JsonNode answers = Wire.json(response);
    assertEquals(5, answers.size());
    assertEquals("0x539", answers.get(0).path("result").asText());
    assertEquals("1337", answers.get(1).path("result").asText());
    assertEquals("0x539", answers.get(2).path("result").asText());
    assertLimited(answers.get(3), "requestsPerSecond");
    assertEquals(4, answers.get(3).path("id").asInt());
    assertLimited(answers.get(4), "requestsPerSecond");
    assertEquals(5, answers.get(4).path("id").asInt());
    assertEquals(2, stack.node().requestCount("eth_chainId"));
    assertEquals(1, stack.node().requestCount("net_version"));

    HttpResponse<String> whole = stack.proxy().tenant(token, "[" + Wire.call(6, "eth_chainId", "[]") + "]");
    assertEquals(429, whole.statusCode(), "every call of the request refused");
    assertEquals("1", whole.headers().firstValue("Retry-After").orElseThrow());
  }

  @Test
  void aWebSocketStaysOpenAndPassesAgainAfterTheRefill(Vertx vertx) throws Exception {
    start(vertx, tenantLimits(new LimitSet(1, 0, 0, 0)));
    String token = stack.token("rpc://eth_*");
    WsClient ws = WsClient.connect(stack.proxy().url(), "Authorization", "Bearer " + token);
    try {
      assertEquals("0x539", ws.call(Wire.call(1, "eth_chainId", "[]")).path("result").asText());
      JsonNode refused = ws.call(Wire.call(2, "eth_chainId", "[]"));
      assertLimited(refused, "requestsPerSecond");
      assertEquals(2, refused.path("id").asInt());
      JsonNode batch = ws.call("[" + Wire.call(3, "eth_chainId", "[]") + "," + Wire.call(4, "net_version", "[]") + "]");
      assertLimited(batch.get(0), "requestsPerSecond");
      assertLimited(batch.get(1), "requestsPerSecond");
      advance(Duration.ofSeconds(1));
      assertEquals("0x539", ws.call(Wire.call(5, "eth_chainId", "[]")).path("result").asText(),
          "the same socket, open, passes once the bucket has refilled");
    } finally {
      ws.close();
    }
  }

  @Test
  void theSameTenantSharesOneBudgetOverHttpAndWebSocket(Vertx vertx) throws Exception {
    start(vertx, tenantLimits(new LimitSet(2, 0, 0, 0)));
    String token = stack.token("rpc://eth_*");
    assertEquals(200, stack.proxy().tenant(token, CHAIN_ID).statusCode());
    WsClient ws = WsClient.connect(stack.proxy().url(), "Authorization", "Bearer " + token);
    try {
      assertEquals("0x539", ws.call(Wire.call(1, "eth_chainId", "[]")).path("result").asText());
      assertLimited(ws.call(Wire.call(2, "eth_chainId", "[]")), "requestsPerSecond");
    } finally {
      ws.close();
    }
    assertEquals(429, stack.proxy().tenant(token, CHAIN_ID).statusCode());
  }

  @Test
  void oneTenantAtItsLimitDoesNotRefuseAnother(Vertx vertx) throws Exception {
    start(vertx, tenantLimits(new LimitSet(2, 0, 0, 0)));
    String a = stack.tokenFor("tenant-a", "rpc://eth_*");
    String b = stack.tokenFor("tenant-b", "rpc://eth_*");
    assertEquals(200, stack.proxy().tenant(a, CHAIN_ID).statusCode());
    assertEquals(200, stack.proxy().tenant(a, CHAIN_ID).statusCode());
    for (int i = 0; i < 3; i++) {
      assertEquals(429, stack.proxy().tenant(a, CHAIN_ID).statusCode(), "A is at its limit");
    }
    assertEquals(200, stack.proxy().tenant(b, CHAIN_ID).statusCode(), "B has its own budget");
    assertEquals(429, stack.proxy().tenant(a, CHAIN_ID).statusCode());
    assertEquals(200, stack.proxy().tenant(b, CHAIN_ID).statusCode());
    assertEquals(429, stack.proxy().tenant(b, CHAIN_ID).statusCode(), "and its own limit");
  }

  @Test
  void operatorsAreUnlimitedUnlessConfigured(Vertx vertx, @org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path socket = dir.resolve("scopegate.ipc");
    start(vertx, c -> TestConfigs.withIpc(c, socket).withLimits(Config.Limits.OFF.withTenant(new LimitSet(1, 0, 0, 0))));
    try (IpcClient ipc = IpcClient.connect(socket)) {
      for (int i = 0; i < 5; i++) {
        assertEquals("0x539", ipc.send(Wire.call(i, "eth_chainId", "[]") + "\n").json().path("result").asText());
        assertEquals(200, stack.proxy().operator(CHAIN_ID).statusCode());
      }
    }
  }

  @Test
  void aTenantNamedLikeAnOperatorDoesNotSpendTheOperatorsBudget(Vertx vertx) throws Exception {
    start(vertx, c -> c.withLimits(Config.Limits.OFF.withTenant(new LimitSet(1, 0, 0, 0))
        .withOperator(new LimitSet(2, 0, 0, 0))));
    String impostor = stack.tokenFor("operator:api-key", "rpc://eth_*");
    assertEquals(200, stack.proxy().tenant(impostor, CHAIN_ID).statusCode());
    assertEquals(429, stack.proxy().tenant(impostor, CHAIN_ID).statusCode(), "a tenant's limit, not the operators'");
    assertEquals(200, stack.proxy().operator(CHAIN_ID).statusCode());
    assertEquals(200, stack.proxy().operator(CHAIN_ID).statusCode(), "the operators' bucket untouched");
    assertEquals(429, stack.proxy().operator(CHAIN_ID).statusCode());
  }

  @Test
  void operatorLimitsApplyToIpcAndToTheApiKeyEachOnItsOwn(Vertx vertx, @org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path socket = dir.resolve("scopegate.ipc");
    start(vertx, c -> TestConfigs.withIpc(c, socket).withLimits(Config.Limits.OFF.withOperator(new LimitSet(2, 0, 0, 0))));
    String token = stack.token("rpc://eth_*");
    try (IpcClient ipc = IpcClient.connect(socket)) {
      assertEquals("0x539", ipc.send(Wire.call(1, "eth_chainId", "[]") + "\n").json().path("result").asText());
      assertEquals("0x539", ipc.send(Wire.call(2, "eth_chainId", "[]") + "\n").json().path("result").asText());
      JsonNode refused = ipc.send(Wire.call(3, "eth_chainId", "[]") + "\n").json();
      assertLimited(refused, "requestsPerSecond");
      assertEquals(3, refused.path("id").asInt());
      assertEquals(200, stack.proxy().operator(CHAIN_ID).statusCode(), "the API key has its own bucket");
      assertEquals(200, stack.proxy().operator(CHAIN_ID).statusCode());
      HttpResponse<String> apiKey = stack.proxy().operator(CHAIN_ID);
      assertEquals(429, apiKey.statusCode());
      assertLimited(Wire.json(apiKey), "requestsPerSecond");
      for (int i = 0; i < 4; i++) {
        assertEquals(200, stack.proxy().tenant(token, CHAIN_ID).statusCode(), "tenants: no limits configured");
      }
      advance(Duration.ofMillis(500));
      assertEquals("0x539", ipc.send(Wire.call(4, "eth_chainId", "[]") + "\n").json().path("result").asText(),
          "the IPC connection stays open and passes after the refill");
    }
  }

  @Test
  void aStoreThatFailsRefusesTheCallsItWouldLimitNeverLetsThemThrough(Vertx vertx) throws Exception {
    BucketStore down = (key, perSecond, capacity, amount) -> Future.failedFuture(new IllegalStateException("store down"));
    stack = Stack.start(vertx, down, tenantLimits(new LimitSet(100, 0, 0, 0)));
    String token = stack.token("rpc://eth_*");
    stack.node().resetRequestCounts();
    HttpResponse<String> refused = stack.proxy().tenant(token, CHAIN_ID);
    assertEquals(200, refused.statusCode(), refused.body());
    JsonNode error = Wire.json(refused).path("error");
    assertEquals(-32005, error.path("code").asInt());
    assertTrue(error.path("message").asText().contains("retry"), error.toString());
    assertFalse(refused.body().contains("store down"), "no internal text in the answer");
    assertEquals(0, stack.node().requestCount("eth_chainId"));
    assertEquals(200, stack.proxy().operator(CHAIN_ID).statusCode(), "operators without limits do not need the store");
  }

  @Test
  void refusalsAreCountedByTenantAndLimit(Vertx vertx) throws Exception {
    start(vertx, tenantLimits(new LimitSet(1, 0, 0, 0)));
    String token = stack.tokenFor("metered", "rpc://eth_*");
    stack.proxy().tenant(token, CHAIN_ID);
    stack.proxy().tenant(token, CHAIN_ID);
    stack.proxy().tenant(token, CHAIN_ID);
    String scrape = Wire.send(java.net.http.HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + stack.proxy().scopegate().metricsPort() + "/metrics")).build()).body();
    assertTrue(scrape.contains("scopegate_limit_refusals_total{limit=\"requestsPerSecond\",tenant=\"metered\"} 2.0"),
        scrape.lines().filter(l -> l.contains("limit")).toList().toString());
  }

  private static Throwable assertThrowsOnStart(Vertx vertx, Config config) {
    try {
      dev.scopegate.Scopegate.start(vertx, config).await(20, TimeUnit.SECONDS).stop().await(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      return e;
    }
    throw new AssertionError("started");
  }
}
