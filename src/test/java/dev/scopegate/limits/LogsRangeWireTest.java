package dev.scopegate.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.config.Config;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code limits.maxLogsBlockRange} for {@code eth_getLogs} and {@code eth_newFilter}: tags
 * resolved at the node's head, keys read as GoQuorum reads them; a refused query never reaches
 * the node, a query within the range does.
 */
@ExtendWith(VertxExtension.class)
class LogsRangeWireTest {
  private static final long MAX = 10;
  private Stack stack;
  private String token;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    stack = Stack.start(vertx, new LocalBucketStore(), c -> c.withLimits(Config.Limits.OFF.withMaxLogsBlockRange(MAX)));
    for (int i = 0; i < 15; i++) {
      stack.node().chain().mineBlock(List.of());
    }
    stack.awaitIndexed();
    token = stack.token("rpc://eth_*");
    stack.node().resetRequestCounts();
  }

  @AfterEach
  void stop() throws Exception {
    stack.close();
  }

  private JsonNode call(String method, String filter) {
    HttpResponse<String> response = stack.proxy().tenant(token, Wire.call(7, method, "[" + filter + "]"));
    assertEquals(200, response.statusCode(), "not retriable, so not 429: " + response.body());
    return Wire.json(response);
  }

  private static void assertRangeRefused(JsonNode answer, long blocks) {
    JsonNode error = answer.path("error");
    assertEquals(-32005, error.path("code").asInt(), answer.toString());
    assertEquals("maxLogsBlockRange limit exceeded", error.path("message").asText());
    assertTrue(error.path("data").asText().contains("spans " + blocks + " blocks, at most " + MAX), answer.toString());
  }

  @Test
  void rangesOverTheLimitAreRefusedWhateverTheWayTheyAreWritten() {
    long head = stack.node().chain().head().number();
    assertTrue(head >= 15);
    for (String method : List.of("eth_getLogs", "eth_newFilter")) {
      assertRangeRefused(call(method, "{\"fromBlock\":\"0x0\",\"toBlock\":\"0xa\"}"), 11);
      assertRangeRefused(call(method, "{\"fromBlock\":\"earliest\"}"), head + 1);
      assertRangeRefused(call(method, "{\"fromBlock\":\"earliest\",\"toBlock\":\"latest\"}"), head + 1);
      assertRangeRefused(call(method, "{\"fromBlock\":\"0x1\",\"toBlock\":\"pending\"}"), head + 1);
      // GoQuorum's encoding/json matches keys case-insensitively: FROMBLOCK is fromBlock to the node
      assertRangeRefused(call(method, "{\"FROMBLOCK\":\"0x0\"}"), head + 1);
    }
    assertEquals(0, stack.node().requestCount("eth_getLogs"), "no refused query reached the node");
    assertEquals(0, stack.node().requestCount("eth_newFilter"));
  }

  @Test
  void unreadableCriteriaAreRefusedNotGuessed() {
    for (String filter : List.of("{\"fromBlock\":\"0x0\",\"FromBlock\":\"0x5\"}", "{\"fromBlock\":5}",
        "{\"fromBlock\":\"0xzz\"}", "{\"fromBlock\":\"0x10000000000000000\"}", "\"latest\"")) {
      JsonNode answer = call("eth_getLogs", filter);
      assertEquals(-32602, answer.path("error").path("code").asInt(), filter + " → " + answer);
    }
    assertEquals(-32602, Wire.json(stack.proxy().tenant(token, Wire.call(1, "eth_getLogs", "[]")))
        .path("error").path("code").asInt());
    assertEquals(0, stack.node().requestCount("eth_getLogs"));
  }

  @Test
  void rangesWithinTheLimitAndSingleBlocksPass() {
    long head = stack.node().chain().head().number();
    String hash = stack.node().chain().head().hash().toString();
    List<String> within = List.of(
        "{\"fromBlock\":\"0x0\",\"toBlock\":\"0x9\"}",
        "{}",
        "{\"fromBlock\":\"latest\"}",
        "{\"fromBlock\":\"0x" + Long.toHexString(head - MAX + 1) + "\"}",
        "{\"blockHash\":\"" + hash + "\"}");
    for (String filter : within) {
      JsonNode answer = call("eth_getLogs", filter);
      assertTrue(answer.has("result"), filter + " → " + answer);
    }
    assertEquals(within.size(), stack.node().requestCount("eth_getLogs"));
    assertTrue(call("eth_newFilter", "{\"fromBlock\":\"latest\"}").has("result"));
  }

  @Test
  void operatorsAreNotBoundByTheRange() {
    JsonNode answer = Wire.json(stack.proxy().operator(Wire.call(1, "eth_getLogs", "[{\"fromBlock\":\"earliest\"}]")));
    assertTrue(answer.has("result"), answer.toString());
  }
}
