package dev.scopegate.transport.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
