package dev.scopegate.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.config.Config;
import dev.scopegate.devnode.Address;
import dev.scopegate.devnode.TransactionRequest;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.testing.IpcClient;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import dev.scopegate.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code limits.maxTraceTimeout}: a tenant's trace asking a longer tracer timeout than the cap is
 * refused before anything reaches the node; a timeout that cannot be read as Go reads it is
 * refused, never forwarded; a trace within the cap reaches the node as sent; below GoQuorum's
 * 5 s default, a trace asking no timeout is sent with the cap. The attacker's requests are rows.
 */
@ExtendWith(VertxExtension.class)
class TraceTimeoutWireTest {
  private static final String TRACE = "debug_traceTransaction";
  private static final String CALL = "{\"to\":\"0x00000000000000000000000000000000000000aa\",\"data\":\"0x\"}";

  @TempDir Path dir;
  private Stack stack;
  private String token;
  private String hash;

  private void start(Vertx vertx, Duration tenants) throws Exception {
    stack = Stack.start(vertx, c -> TestConfigs.withIpc(c, dir.resolve("scopegate.ipc"))
        .withLimits(Config.Limits.OFF.withMaxTraceTimeout(tenants, Duration.ZERO)));
    var chain = stack.node().chain();
    hash = chain.mineTransaction(TransactionRequest.transfer(chain.accounts().get(0),
        Address.of("0x00000000000000000000000000000000000000bb"), BigInteger.ONE)).transaction().hash().hex();
    stack.awaitIndexed();
    token = stack.token("rpc://eth_*", "rpc://debug_*");
    stack.node().resetRequestCounts();
  }

  @AfterEach
  void stop() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  private JsonNode tenant(String method, String params) {
    HttpResponse<String> response = stack.proxy().tenant(token, Wire.call(7, method, params));
    assertEquals(200, response.statusCode(), "never 429: retrying will not help: " + response.body());
    return Wire.json(response);
  }

  /** Trace calls the node received, of every method a tenant may ask a timeout of. */
  private long traces() {
    return TraceTimeout.POSITIONS.keySet().stream().mapToLong(stack.node()::requestCount).sum();
  }

  private String traceOf(String config) {
    return "[\"" + hash + "\"," + config + "]";
  }

  private static void assertCapped(JsonNode answer, String asked, String allowed) {
    JsonNode error = answer.path("error");
    assertEquals(-32005, error.path("code").asInt(), answer.toString());
    assertEquals("maxTraceTimeout limit exceeded", error.path("message").asText());
    assertEquals("maxTraceTimeout: the call asks a trace timeout of " + asked + ", at most " + allowed
        + " is allowed; ask a shorter timeout", error.path("data").asText());
  }

  private static void assertInvalid(JsonNode answer, String what) {
    assertEquals(-32602, answer.path("error").path("code").asInt(), what + " → " + answer);
  }

  @Test
  void longerTimeoutsAreRefusedAndNeverReachTheNode(Vertx vertx) throws Exception {
    start(vertx, Duration.ofSeconds(10));
    assertCapped(tenant(TRACE, traceOf("{\"tracer\":\"callTracer\",\"timeout\":\"10m\"}")), "10m0s", "10s");
    assertCapped(tenant(TRACE, traceOf("{\"timeout\":\"10.5s\"}")), "10.5s", "10s");
    assertCapped(tenant(TRACE, traceOf("{\"timeout\":\"1h0m0.000000001s\"}")), "1h0m0.000000001s", "10s");
    // encoding/json matches keys case-insensitively: TIMEOUT is the node's timeout too
    assertCapped(tenant(TRACE, traceOf("{\"TIMEOUT\":\"11s\"}")), "11s", "10s");
    assertCapped(tenant(TRACE, traceOf("{\"timeout\":\"10000000001ns\"}")), "10.000000001s", "10s");
    assertCapped(tenant("debug_traceCall", "[" + CALL + ",\"latest\",{\"timeout\":\"2m\"}]"), "2m0s", "10s");
    for (String method : List.of("debug_traceBlockByNumber", "debug_traceBlockByHash", "debug_traceBlock")) {
      assertCapped(tenant(method, "[\"0x1\",{\"timeout\":\"1h\"}]"), "1h0m0s", "10s");
    }
    assertEquals(0, traces(), "no refused trace reached the node, not even a probe");
  }

  @Test
  void timeoutsThatCannotBeReadAreRefusedNotGuessed(Vertx vertx) throws Exception {
    start(vertx, Duration.ofSeconds(10));
    List<String> configs = List.of(
        "{\"timeout\":600}", // a number: the node's decoder refuses it, and so do we
        "{\"timeout\":{\"minutes\":10}}",
        "{\"timeout\":[\"10m\"]}",
        "{\"timeout\":true}",
        "{\"timeout\":\"\\u0665s\"}", // ARABIC-INDIC DIGIT FIVE
        "{\"timeout\":\"\\uff15s\"}", // FULLWIDTH DIGIT FIVE
        "{\"timeout\":\"1\\u0660m\"}", // 1 then ARABIC-INDIC ZERO: an unknown unit to Go
        "{\"timeout\":\"9223372036854775808ns\"}", // one past int64 nanoseconds
        "{\"timeout\":\"2562048h\"}",
        "{\"timeout\":\"9223372036854775807999ns\"}",
        "{\"timeout\":\"5 s\"}",
        "{\"timeout\":\" 5s\"}",
        "{\"timeout\":\"5d\"}",
        "{\"timeout\":\"5S\"}",
        "{\"timeout\":\"1e3s\"}",
        "{\"timeout\":\"\"}",
        "{\"timeout\":\"600\"}",
        "{\"timeout\":\".s\"}",
        "{\"timeout\":\"-\"}",
        "{\"timeout\":\"1s\",\"Timeout\":\"10m\"}", // one field twice, in two cases
        "\"10m\"", // a config that is not an object
        "[{\"timeout\":\"10m\"}]",
        "42");
    for (String config : configs) {
      assertInvalid(tenant(TRACE, traceOf(config)), config);
    }
    assertInvalid(tenant(TRACE, "{\"hash\":\"" + hash + "\",\"config\":{\"timeout\":\"10m\"}}"), "params by name");
    assertEquals(0, traces(), "nothing unreadable reached the node");
  }

  @Test
  void aTimeoutGivenTwiceUnderOneKeyIsRefusedWhole(Vertx vertx) throws Exception {
    start(vertx, Duration.ofSeconds(10));
    // Go's decoder keeps the last of two equal keys; Scopegate refuses such a call outright
    String body = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"" + TRACE + "\",\"params\":[\"" + hash
        + "\",{\"timeout\":\"1s\",\"timeout\":\"10m\"}]}";
    JsonNode answer = Wire.json(stack.proxy().tenant(token, body));
    assertEquals(-32600, answer.path("error").path("code").asInt(), answer.toString());
    assertEquals(0, traces());
  }

  @Test
  void aTimeoutInAnotherPlaceIsNotTheOneTheNodeReads(Vertx vertx) throws Exception {
    start(vertx, Duration.ofSeconds(10));
    // a third param: the node takes at most two (geth: too many arguments), so it is refused
    JsonNode third = tenant(TRACE, "[\"" + hash + "\",{\"tracer\":\"callTracer\"},{\"timeout\":\"10m\"}]");
    assertInvalid(third, "a config after the config");
    assertEquals("too many arguments, want at most 2", third.path("error").path("data").asText());
    // debug_traceCall's config is its third param; a timeout in the call object is no timeout to the node
    String misplaced = "[{\"to\":\"0x00000000000000000000000000000000000000aa\",\"data\":\"0x\",\"timeout\":\"10m\"},\"latest\"]";
    assertTrue(tenant("debug_traceCall", misplaced).has("result"));
    assertCapped(tenant("debug_traceCall", "[" + CALL + ",\"latest\",{\"timeout\":\"10m\"}]"), "10m0s", "10s");
    // debug_traceTransaction's config at index 2 with nothing at 1 is still too many arguments
    assertInvalid(tenant(TRACE, "[\"" + hash + "\",null,{\"timeout\":\"10m\"}]"), "config one place late");
  }

  @Test
  void tracesWithinTheCapReachTheNodeAsSent(Vertx vertx) throws Exception {
    start(vertx, Duration.ofSeconds(10));
    for (String config : List.of("{\"tracer\":\"callTracer\",\"timeout\":\"10s\"}",
        "{\"tracer\":\"callTracer\",\"timeout\":\"9.5s\"}",
        "{\"tracer\":\"callTracer\",\"timeout\":\"300ms\"}",
        "{\"tracer\":\"callTracer\",\"timeout\":\"1.5s\"}",
        "{\"tracer\":\"callTracer\",\"timeout\":\"2\u00b5s\"}",
        "{\"tracer\":\"callTracer\",\"timeout\":\"-10m\"}", // below the cap; the node stops at once
        "{\"tracer\":\"callTracer\",\"timeout\":\"0\"}",
        "{\"tracer\":\"callTracer\"}", // the node's 5 s default is within 10 s: sent as it is
        "null")) {
      long before = stack.node().requestCount(TRACE);
      JsonNode answer = tenant(TRACE, traceOf(config));
      assertTrue(answer.has("result"), config + " → " + answer);
      assertTrue(stack.node().requestCount(TRACE) > before, config + " reached the node");
      assertEquals(Json.MAPPER.readTree(traceOf(config)), stack.node().lastParams(TRACE).orElseThrow(),
          "the config reached the node intact: " + config);
    }
  }

  @Test
  void belowTheNodesDefaultATraceAskingNoTimeoutIsSentWithTheCap(Vertx vertx) throws Exception {
    start(vertx, Duration.ofSeconds(2));
    Map<String, String> sentThenForwarded = Map.of(
        "[\"H\",{\"tracer\":\"callTracer\"}]", "[\"H\",{\"tracer\":\"callTracer\",\"timeout\":\"2s\"}]",
        "[\"H\",{\"tracer\":\"callTracer\",\"TimeOut\":null}]", "[\"H\",{\"tracer\":\"callTracer\",\"timeout\":\"2s\"}]",
        "[\"H\",null]", "[\"H\",{\"timeout\":\"2s\"}]",
        "[\"H\"]", "[\"H\",{\"timeout\":\"2s\"}]",
        "[\"H\",{\"tracer\":\"callTracer\",\"timeout\":\"1s\"}]", "[\"H\",{\"tracer\":\"callTracer\",\"timeout\":\"1s\"}]");
    for (var row : sentThenForwarded.entrySet()) {
      JsonNode answer = tenant(TRACE, row.getKey().replace("H", hash));
      assertTrue(answer.has("result"), row.getKey() + " → " + answer);
      assertEquals(Json.MAPPER.readTree(row.getValue().replace("H", hash)), stack.node().lastParams(TRACE).orElseThrow(),
          row.getKey());
    }
    JsonNode traced = tenant("debug_traceCall", "[" + CALL + ",\"latest\"]");
    assertTrue(traced.has("result"), traced.toString());
    JsonNode forwarded = stack.node().lastParams("debug_traceCall").orElseThrow();
    assertEquals("2s", forwarded.path(2).path("timeout").asText(), forwarded.toString());
    assertCapped(tenant(TRACE, traceOf("{\"timeout\":\"5s\"}")), "5s", "2s");
  }

  @Test
  void aBatchRefusesOnlyItsOverlongTrace(Vertx vertx) throws Exception {
    start(vertx, Duration.ofSeconds(10));
    String within = traceOf("{\"tracer\":\"callTracer\",\"timeout\":\"3s\"}");
    String batch = "[" + Wire.call(1, TRACE, traceOf("{\"tracer\":\"callTracer\",\"timeout\":\"10m\"}")) + ","
        + Wire.call(2, "eth_chainId", "[]") + "," + Wire.call(3, TRACE, within) + "]";
    HttpResponse<String> response = stack.proxy().tenant(token, batch);
    assertEquals(200, response.statusCode());
    JsonNode answers = Wire.json(response);
    assertCapped(answers.get(0), "10m0s", "10s");
    assertEquals("0x539", answers.get(1).path("result").asText());
    assertTrue(answers.get(2).has("result"), answers.toString());
    assertEquals(Json.MAPPER.readTree(within), stack.node().lastParams(TRACE).orElseThrow());
  }

  @Test
  void theCapHoldsOverWebSocket(Vertx vertx) throws Exception {
    start(vertx, Duration.ofSeconds(10));
    WsClient ws = WsClient.connect(stack.proxy().url(), "Authorization", "Bearer " + token);
    try {
      assertCapped(ws.call(Wire.call(1, TRACE, traceOf("{\"timeout\":\"10m\"}"))), "10m0s", "10s");
      assertEquals(0, stack.node().requestCount(TRACE));
      assertInvalid(ws.call(Wire.call(2, TRACE, traceOf("{\"timeout\":\"10 m\"}"))), "a space");
      String within = traceOf("{\"tracer\":\"callTracer\",\"timeout\":\"1s\"}");
      assertTrue(ws.call(Wire.call(3, TRACE, within)).has("result"));
      assertEquals(Json.MAPPER.readTree(within), stack.node().lastParams(TRACE).orElseThrow());
    } finally {
      ws.close();
    }
  }

  @Test
  void operatorsAreNotCappedUnlessConfigured(Vertx vertx) throws Exception {
    start(vertx, Duration.ofSeconds(10));
    String config = traceOf("{\"tracer\":\"callTracer\",\"timeout\":\"10m\"}");
    try (IpcClient ipc = IpcClient.connect(dir.resolve("scopegate.ipc"))) {
      JsonNode answer = ipc.send(Wire.call(1, TRACE, config) + "\n").json();
      assertTrue(answer.has("result"), answer.toString());
    }
    assertEquals(1, stack.node().requestCount(TRACE), "an operator's trace is not probed, and not capped");
    assertEquals(Json.MAPPER.readTree(config), stack.node().lastParams(TRACE).orElseThrow());
  }

  @Test
  void operatorsAreCappedWhenConfigured(Vertx vertx) throws Exception {
    stack = Stack.start(vertx, c -> c.withLimits(
        Config.Limits.OFF.withMaxTraceTimeout(Duration.ZERO, Duration.ofSeconds(30))));
    stack.node().resetRequestCounts();
    String asked = "[\"0x" + "11".repeat(32) + "\",{\"timeout\":\"1m\"}]";
    assertCapped(Wire.json(stack.proxy().operator(Wire.call(1, TRACE, asked))), "1m0s", "30s");
    assertEquals(0, stack.node().requestCount(TRACE));
  }

  @Test
  void aTokensOwnLimitIsStricter(Vertx vertx) throws Exception {
    start(vertx, Duration.ofSeconds(10));
    String strict = stack.minter().mint("strict", List.of("rpc://eth_*", "rpc://debug_*"), Duration.ofMinutes(5),
        Map.of("limits", Map.of("maxTraceTimeout", "1s")));
    JsonNode answer = Wire.json(stack.proxy().tenant(strict, Wire.call(1, TRACE, traceOf("{\"timeout\":\"2s\"}"))));
    assertCapped(answer, "2s", "1s");
    assertEquals(0, stack.node().requestCount(TRACE));
  }
}
