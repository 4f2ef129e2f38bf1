package dev.scopegate.transport.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.devnode.DevScenario;
import dev.scopegate.devnode.PrivacyRequest;
import dev.scopegate.devnode.Scenario;
import dev.scopegate.devnode.TransactionRequest;
import dev.scopegate.testing.IpcClient;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Subscriptions over IPC, through the shared upstream socket: an operator's, unfiltered. */
@ExtendWith(VertxExtension.class)
class IpcSubscriptionTest {
  @TempDir Path dir;
  private Stack stack;
  private Scenario scenario;
  private Path socket;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    scenario = DevScenario.seed(node.chain());
    socket = dir.resolve("sg.ipc");
    stack = Stack.start(vertx, node,
        c -> TestConfigs.withIpc(TestConfigs.withUpstreamWs(c, node.wsUrl()), socket));
  }

  @AfterEach
  void stop() throws Exception {
    stack.close();
  }

  private void call(dev.scopegate.devnode.Address contract, String key) {
    stack.node().chain().mineTransaction(TransactionRequest.call(scenario.ownerA(), contract, "0x01")
        .withPrivacy(PrivacyRequest.local(key, List.of(), 0)));
  }

  @Test
  void anOperatorSubscribesToEveryLogOverIpc() throws Exception {
    try (IpcClient client = IpcClient.connect(socket)) {
      client.send(Wire.call(1, "eth_subscribe", "[\"logs\",{}]") + "\n");
      JsonNode answer = client.json();
      String id = answer.get("result").asText();
      assertTrue(id.startsWith("0x"), answer.toString());
      call(scenario.privateA().address(), scenario.keyA());
      call(scenario.privateB().address(), scenario.keyB());
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < 2; i++) {
        JsonNode note = client.json();
        assertEquals("eth_subscription", note.get("method").asText());
        assertEquals(id, note.get("params").get("subscription").asText());
        seen.add(note.get("params").get("result").get("address").asText());
      }
      assertEquals(Set.of(scenario.privateA().address().hex(), scenario.privateB().address().hex()), seen);
      client.send(Wire.call(2, "eth_unsubscribe", "[\"" + id + "\"]") + "\n");
      assertEquals(true, client.json().get("result").asBoolean());
    }
  }
}
