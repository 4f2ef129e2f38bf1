package dev.scopegate.transport.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import dev.scopegate.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** How WebSocket connections end: token expiry, a client too slow to read. */
@ExtendWith(VertxExtension.class)
class WsLifecycleTest {
  private Stack stack;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    stack = Stack.start(vertx, node,
        c -> TestConfigs.withClockSkew(TestConfigs.withUpstreamWs(c, node.wsUrl()), Duration.ZERO));
  }

  @AfterEach
  void stop() throws Exception {
    stack.close();
  }

  @Test
  void theConnectionClosesWhenTheTokenExpires() throws Exception {
    String token = stack.minter().mint("tenant", List.of("rpc://eth_*"), Duration.ofSeconds(2), Map.of());
    WsClient client = WsClient.connect(stack.proxy().url(), "Authorization", "Bearer " + token);
    String sub = client.call(Wire.call(1, "eth_subscribe", "[\"newHeads\"]")).get("result").asText();
    assertTrue(sub.startsWith("0x"));
    assertEquals("1008 token expired", client.closedWithin(10));
  }

  @Test
  void callsStillAtTheNodeWhenTheTokenExpiresAreAnsweredTokenExpiredThenTheSocketCloses()
      throws Exception {
    String token = stack.minter().mint("tenant", List.of("rpc://eth_*"), Duration.ofSeconds(2), Map.of());
    WsClient client = WsClient.connect(stack.proxy().url(), "Authorization", "Bearer " + token);
    assertEquals("0x0", client.call(Wire.call(1, "eth_gasPrice", "[]")).get("result").asText());

    stack.node().resetRequestCounts();
    stack.node().responseDelay(Duration.ofSeconds(6)); // answers arrive after the expiry
    client.send(Wire.call(7, "eth_gasPrice", "[]"));
    client.send("[" + Wire.call(8, "eth_gasPrice", "[]") + "," + Wire.call(9, "eth_chainId", "[]") + "]");

    JsonNode single = client.answer();
    assertEquals(7, single.get("id").asInt(), single.toString());
    assertEquals(-32001, single.get("error").get("code").asInt(), single.toString());
    assertEquals("token expired", single.get("error").get("message").asText());
    JsonNode batch = client.answer();
    assertEquals(2, batch.size(), batch.toString());
    assertEquals(8, batch.get(0).get("id").asInt());
    assertEquals(9, batch.get(1).get("id").asInt());
    batch.forEach(answer -> assertEquals(-32001, answer.get("error").get("code").asInt()));
    assertEquals("1008 token expired", client.closedWithin(10));
    // The calls had reached the node before the expiry: refused in flight, not at the door.
    assertTrue(stack.node().requestCount("eth_gasPrice") >= 2, "calls forwarded before the expiry");
  }

  @Test
  void aSlowReaderIsClosedWithoutHoldingUpOthers() throws Exception {
    String token = stack.token("rpc://eth_*");
    WsClient slow = WsClient.connectWithoutReading(stack.proxy().url(), "Authorization", "Bearer " + token);
    slow.send(Wire.call(1, "eth_subscribe", "[\"newHeads\"]"));
    WsClient fast = WsClient.connect(stack.proxy().url(), "Authorization", "Bearer " + token);
    fast.call(Wire.call(1, "eth_subscribe", "[\"newHeads\"]"));
    // 30 000 heads are far more than the 4 MiB a client may leave unread plus the socket
    // buffers; they come in steps the fast reader keeps up with, so only the slow one falls behind.
    for (int step = 0; step < 60; step++) {
      stack.node().chain().generate(500, 0, step);
      for (int i = 0; i < 500; i++) {
        fast.notification();
      }
    }
    slow.startReading();
    assertEquals("1008 too slow", slow.closedWithin(30));
    fast.close();
  }
}
