package dev.scopegate.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.policy.MethodTable;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small parts: overrides' stricter-wins, costs, and a logs range when the head is unknown. */
class LimitsUnitTest {

  private static JsonNode json(String text) throws Exception {
    return Json.MAPPER.readTree(text);
  }

  @Test
  void overridesReplaceTheDefaultAndTheStricterOfTwoWins() throws Exception {
    LimitSet defaults = new LimitSet(10, 20, 4, 100);
    LimitOverrides registry = LimitOverrides.parse(json("{\"requestsPerSecond\":50,\"concurrent\":0}"), "r");
    LimitOverrides claim = LimitOverrides.parse(json("{\"requestsPerSecond\":5,\"concurrent\":2}"), "c");
    assertEquals(new LimitSet(50, 20, 0, 100), registry.over(defaults), "the registry may lift a default, 0 = off");
    assertEquals(new LimitSet(5, 20, 2, 100), registry.and(claim).over(defaults));
    assertEquals(new LimitSet(5, 20, 2, 100), claim.and(registry).over(defaults), "in either order");
    assertEquals(defaults, LimitOverrides.NONE.over(defaults));
    assertEquals(LimitOverrides.NONE, LimitOverrides.parse(json("null"), "c"));
  }

  @Test
  void aTraceTimeoutOverrideIsADurationAndTheStricterOfTwoWins() throws Exception {
    long tenSeconds = 10_000_000_000L;
    LimitOverrides registry = LimitOverrides.parse(json("{\"maxTraceTimeout\":\"30s\"}"), "r");
    LimitOverrides claim = LimitOverrides.parse(json("{\"maxTraceTimeout\":\"1.5s\",\"burst\":3}"), "c");
    LimitOverrides off = LimitOverrides.parse(json("{\"maxTraceTimeout\":\"0\"}"), "o");
    assertEquals(off, LimitOverrides.parse(json("{\"maxTraceTimeout\":0}"), "o"), "0 as a number is off too");
    assertEquals(30_000_000_000L, registry.maxTraceTimeoutNanos(tenSeconds), "the registry may lift the default");
    assertEquals(1_500_000_000L, registry.and(claim).maxTraceTimeoutNanos(tenSeconds));
    assertEquals(1_500_000_000L, claim.and(registry).maxTraceTimeoutNanos(tenSeconds), "in either order");
    assertEquals(30_000_000_000L, off.and(registry).maxTraceTimeoutNanos(tenSeconds), "any cap is stricter than 0");
    assertEquals(tenSeconds, LimitOverrides.NONE.maxTraceTimeoutNanos(tenSeconds));
    assertEquals(new LimitSet(10, 3, 4, 100), claim.over(new LimitSet(10, 20, 4, 100)), "budgets as before");
  }

  @Test
  void garbageIsRefusedWithWhere() throws Exception {
    for (String bad : new String[] {"{\"maxTraceTimeout\":5}", "{\"maxTraceTimeout\":0.0}", "{\"maxTraceTimeout\":\"-1s\"}",
        "{\"maxTraceTimeout\":\"5 s\"}", "{\"maxTraceTimeout\":\"\\u0665s\"}", "{\"maxTraceTimeout\":null}",
        "{\"maxTraceTimeout\":\"9223372036854775808ns\"}", "{\"MaxTraceTimeout\":\"1s\"}", "[]", "\"10\"", "{\"requestsPerSecond\":\"10\"}", "{\"burst\":-1}",
        "{\"costPerSecond\":1e3}", "{\"concurrent\":1000000001}", "{\"requests\":1}", "{\"\\u0000x\":1}"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> LimitOverrides.parse(json(bad), "limits claim"), bad);
      assertTrue(e.getMessage().startsWith("limits claim: "), e.getMessage());
      assertTrue(e.getMessage().chars().allMatch(c -> c >= 0x20), "no control characters echoed: " + bad);
    }
  }

  @Test
  void methodsCostByTheTableAndLogsByTheirRange() {
    assertEquals(1, MethodCosts.of("eth_blockNumber"));
    assertEquals(10, MethodCosts.of("eth_call"));
    assertEquals(20, MethodCosts.of("eth_getLogs"));
    assertEquals(50, MethodCosts.of("debug_traceTransaction"));
    assertEquals(1, MethodCosts.of("no_suchMethod"), "a method without a row costs the default");
    MethodTable.ROWS.forEach(row -> assertEquals(row.cost(), MethodCosts.of(row.method()), row.method()));
    assertEquals(21, MethodCosts.of("eth_getLogs", 1));
    assertEquals(25, MethodCosts.of("eth_getLogs", 5000));
    assertEquals(MethodCosts.of("eth_getLogs") + 1, MethodCosts.of("eth_getLogs", 1));
    assertEquals(MethodCosts.of("eth_getLogs") + 1, MethodCosts.of("eth_getLogs", MethodCosts.BLOCKS_PER_UNIT));
    assertEquals(MethodCosts.of("eth_getLogs") + 2, MethodCosts.of("eth_getLogs", MethodCosts.BLOCKS_PER_UNIT + 1));
  }

  @Test
  void aRangeThatNeedsAnUnknownHeadIsRefusedAsRetriable() throws Exception {
    RpcRequest latest = new RpcRequest(Optional.of(json("1")), "eth_getLogs", Optional.of(json("[{\"fromBlock\":\"0x1\"}]")));
    Future<Long> blocks = LogsRange.blocks(latest, () -> Future.failedFuture(new IllegalStateException("node down")));
    assertTrue(blocks.failed());
    assertEquals(RpcError.BLOCK_RANGE_UNKNOWN, ((RpcException) blocks.cause()).error());
    assertTrue(blocks.cause().getMessage().contains("retry"));

    RpcRequest fixed = new RpcRequest(Optional.of(json("1")), "eth_getLogs",
        Optional.of(json("[{\"fromBlock\":\"0x1\",\"toBlock\":\"0x10\"}]")));
    assertEquals(16L, LogsRange.blocks(fixed, () -> { throw new AssertionError("no head needed"); }).result());
  }

  @Test
  void inFlightSlotsAreCountedAndGivenBack() {
    InFlight f = new InFlight();
    assertTrue(f.tryAcquire("a", 2));
    assertTrue(f.tryAcquire("a", 2));
    assertTrue(!f.tryAcquire("a", 2));
    assertTrue(f.tryAcquire("b", 1));
    assertEquals(3, f.total());
    f.release("a");
    f.release("a");
    f.release("b");
    assertEquals(0, f.total());
    assertEquals(0, f.of("a"));
  }
}
