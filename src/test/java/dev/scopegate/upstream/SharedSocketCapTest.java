package dev.scopegate.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.config.Config;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import dev.scopegate.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One tenant must not drop the node WebSocket every tenant's subscriptions share. The dev node
 * closes a connection on a message past geth's 15 MiB read limit; clients may send 20 MiB here.
 */
@ExtendWith(VertxExtension.class)
class SharedSocketCapTest {
  private static final long CLIENT_LIMIT = 20L << 20;
  private Stack stack;
  private DevNode node;

  private void start(Vertx vertx, long wsMaxCallBytes) throws Exception {
    node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    stack = Stack.start(vertx, node, c -> {
      Config withWs = TestConfigs.withUpstreamWs(c, node.wsUrl());
      Config.Ws ws = withWs.server().ws();
      return TestConfigs.withWsMaxCallBytes(TestConfigs.withWs(withWs, new Config.Ws(ws.queryToken(),
          ws.allowedOrigins(), CLIENT_LIMIT, ws.maxConnections(), ws.maxConnectionsPerTenant(),
          ws.idleTimeout(), ws.subscriptions())), wsMaxCallBytes);
    });
  }

  @AfterEach
  void stop() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  private WsClient tenant(String subject) throws Exception {
    return WsClient.connect(stack.proxy().url(), "Authorization",
        "Bearer " + stack.tokenFor(subject, "rpc://eth_*"));
  }

  /** A logs subscription whose filter carries {@code bytes} of a field the node ignores. */
  private static String bigSubscribe(int bytes) {
    return Wire.call(9, "eth_subscribe",
        "[\"logs\",{\"topics\":[],\"padding\":\"" + "x".repeat(bytes) + "\"}]");
  }

  @Test
  void aCallPastTheCapIsRefusedAndTheSharedSocketStays(Vertx vertx) throws Exception {
    start(vertx, Config.Upstream.DEFAULT_WS_MAX_CALL_BYTES);
    WsClient victim = tenant("victim");
    assertTrue(victim.call(Wire.call(1, "eth_subscribe", "[\"newHeads\"]")).has("result"));
    WsClient attacker = tenant("attacker");
    for (int size : new int[] {16 << 20, 2 << 20, (int) Config.Upstream.DEFAULT_WS_MAX_CALL_BYTES - 40}) {
      JsonNode refused = attacker.call(bigSubscribe(size));
      String shown = refused.toString();
      assertEquals(-32005, refused.path("error").path("code").asInt(),
          () -> size + ": " + shown.substring(0, Math.min(300, shown.length())));
      assertEquals("call too large for the shared node socket", refused.path("error").path("message").asText());
      assertTrue(refused.path("error").path("data").asText().contains("upstream.wsMaxCallBytes"));
    }
    // a filter well below the cap is served on the same socket
    assertTrue(attacker.call(bigSubscribe(100_000)).has("result"));
    stack.node().chain().mineBlock(java.util.List.of());
    JsonNode head = victim.notification();
    assertEquals("eth_subscription", head.path("method").asText());
    assertEquals(1, node.subscribeCount("newHeads"), "the shared socket was re-established");
    assertEquals(1, node.wsConnections());
    victim.close();
    attacker.close();
  }

  @Test
  void withoutTheCapTheNodeDropsTheSocketEveryoneShares(Vertx vertx) throws Exception {
    // the threat, shown on the dev node: a cap above the node's 15 MiB read limit
    start(vertx, 32L << 20);
    WsClient victim = tenant("victim");
    assertTrue(victim.call(Wire.call(1, "eth_subscribe", "[\"newHeads\"]")).has("result"));
    tenant("attacker").send(bigSubscribe(16 << 20));
    // the node closed the shared socket; Scopegate had to subscribe newHeads again
    node.subscribed("newHeads", 2).await(30, TimeUnit.SECONDS);
    victim.close();
  }
}
