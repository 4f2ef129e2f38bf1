package dev.scopegate.mode;

import static dev.scopegate.devnode.DevTessera.KB;
import static dev.scopegate.devnode.DevTessera.KC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.devnode.Address;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.devnode.PrivacyRequest;
import dev.scopegate.devnode.TransactionRequest;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import dev.scopegate.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Per-PSI node sockets keep their PSI across a reconnect: logs emitted while the node's sockets
 * were down come back (backfill, on the PSI's own socket) to the tenants of that PSI only.
 */
@ExtendWith(VertxExtension.class)
class MpsSubscriptionReconnectTest {

  private static Address created(DevNode node, String code, String key) {
    return node.chain().mineTransaction(TransactionRequest.create(node.chain().accounts().get(0), code)
            .withPrivacy(PrivacyRequest.local(key, List.of(), 0)))
        .local().privateReceipt().orElseThrow().contractAddress().orElseThrow();
  }

  private static void call(DevNode node, Address contract, String data, String key) {
    node.chain().mineTransaction(TransactionRequest.call(node.chain().accounts().get(0), contract, data)
        .withPrivacy(PrivacyRequest.local(key, List.of(), 0)));
  }

  @Test
  void logsMissedWhileTheSocketsWereDownReachOnlyTheirPsi(Vertx vertx) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults().withMultiplePrivateStates(true))
        .await(10, TimeUnit.SECONDS);
    Address c1 = created(node, "0x0c0de1", KB);
    Address c2 = created(node, "0x0c0de2", KC);
    try (Stack stack = Stack.start(vertx, node, c -> TestConfigs.withUpstreamWs(c, node.wsUrl()))) {
      URI ws = URI.create(stack.proxy().url().toString().replace("http://", "ws://"));
      WsClient one = WsClient.connect(ws, "Authorization", "Bearer " + stack.tokenFor("t1", "rpc://eth_*", "psi://PS1"));
      WsClient two = WsClient.connect(ws, "Authorization", "Bearer " + stack.tokenFor("t2", "rpc://eth_*", "psi://PS2"));
      try {
        for (WsClient c : List.of(one, two)) {
          assertTrue(c.call(Wire.call(1, "eth_subscribe", "[\"logs\",{}]")).has("result"));
        }
        node.subscribed("logs", 2).await(10, TimeUnit.SECONDS);

        node.wsAvailable(false);
        node.dropWebSockets().await(10, TimeUnit.SECONDS);
        call(node, c1, "0x5ec2e7aa11", KB);
        call(node, c2, "0x5ec2e7bb22", KC);
        node.wsAvailable(true);
        node.subscribed("logs", 4).await(20, TimeUnit.SECONDS);

        JsonNode n1 = one.notification();
        JsonNode n2 = two.notification();
        assertEquals("0x5ec2e7aa11", n1.get("params").get("result").get("data").asText(), n1.toString());
        assertEquals("0x5ec2e7bb22", n2.get("params").get("result").get("data").asText(), n2.toString());
        // after the backfill, live again: the next of each is its own PSI's next log
        call(node, c2, "0x5ec2e7bb33", KC);
        call(node, c1, "0x5ec2e7aa44", KB);
        JsonNode next1 = one.notification();
        JsonNode next2 = two.notification();
        assertEquals("0x5ec2e7aa44", next1.get("params").get("result").get("data").asText(), next1.toString());
        assertEquals("0x5ec2e7bb33", next2.get("params").get("result").get("data").asText(), next2.toString());
        for (JsonNode n : List.of(n1, next1)) {
          assertFalse(n.toString().contains("5ec2e7bb"), n.toString());
        }
        for (JsonNode n : List.of(n2, next2)) {
          assertFalse(n.toString().contains("5ec2e7aa"), n.toString());
        }
      } finally {
        one.close();
        two.close();
      }
    }
  }
}
