package dev.scopegate.mode;

import static dev.scopegate.testing.Eventually.until;
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
import dev.scopegate.testing.IpcClient;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.upstream.ws.PsiSockets;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's subscription over IPC naming a PSI in its message id (GoQuorum's
 * {@code "<PSI>/<n>"}) is served by that PSI's shared node socket: it carries that PSI's logs
 * and never another's; the socket's lease ends with the connection.
 */
@ExtendWith(VertxExtension.class)
class MpsIpcSubscriptionTest {
  @TempDir Path dir;
  private Stack stack;
  private Path socket;
  private Address c1;
  private Address c2;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults().withMultiplePrivateStates(true))
        .await(10, TimeUnit.SECONDS);
    c1 = created(node, "0x0c0de1", KB); // PS1
    c2 = created(node, "0x0c0de2", KC); // PS2
    socket = dir.resolve("sg.ipc");
    stack = Stack.start(vertx, node,
        c -> TestConfigs.withIpc(TestConfigs.withUpstreamWs(c, node.wsUrl()), socket));
  }

  @AfterEach
  void stop() throws Exception {
    stack.close();
  }

  private static Address created(DevNode node, String code, String key) {
    return node.chain().mineTransaction(TransactionRequest.create(node.chain().accounts().get(0), code)
            .withPrivacy(PrivacyRequest.local(key, List.of(), 0)))
        .local().privateReceipt().orElseThrow().contractAddress().orElseThrow();
  }

  private void log(Address contract, String data, String key) {
    stack.node().chain().mineTransaction(
        TransactionRequest.call(stack.node().chain().accounts().get(0), contract, data)
            .withPrivacy(PrivacyRequest.local(key, List.of(), 0)));
  }

  private static String message(String id, String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":\"" + id + "\",\"method\":\"" + method + "\",\"params\":" + params + "}\n";
  }

  private PsiSockets sockets() {
    return stack.proxy().scopegate().psiSockets().orElseThrow();
  }


  @Test
  void aSubscriptionNamingPs1SeesPs1LogsOnlyAndEndsWithThePrefix() throws Exception {
    try (IpcClient client = IpcClient.connect(socket)) {
      JsonNode answer = client.send(message("PS1/1", "eth_subscribe", "[\"logs\",{}]")).json();
      assertEquals("PS1/1", answer.get("id").asText(), answer.toString());
      String id = answer.path("result").asText();
      assertTrue(id.startsWith("0x"), answer.toString());
      assertEquals(1, sockets().leased(), "PS1's shared socket is leased by the connection");
      stack.node().subscribed("logs", 1).await(10, TimeUnit.SECONDS);

      // PS2's log first: were it to leak, it would be the first notification
      log(c2, "0x5ec2e7bb01", KC);
      log(c1, "0x5ec2e7aa01", KB);
      JsonNode note = client.json();
      assertEquals("eth_subscription", note.path("method").asText(), note.toString());
      assertEquals(id, note.path("params").path("subscription").asText(), note.toString());
      assertEquals(c1.hex(), note.path("params").path("result").path("address").asText(), note.toString());
      assertEquals("0x5ec2e7aa01", note.path("params").path("result").path("data").asText(), note.toString());

      // once more, so PS2's log has had PS1's whole round trip to arrive
      log(c2, "0x5ec2e7bb02", KC);
      log(c1, "0x5ec2e7aa02", KB);
      JsonNode next = client.json();
      assertEquals("0x5ec2e7aa02", next.path("params").path("result").path("data").asText(), next.toString());

      // the id lives in PS1's registry: the default one does not know it
      JsonNode plain = client.send(message("3", "eth_unsubscribe", "[\"" + id + "\"]")).json();
      assertTrue(plain.has("error"), plain.toString());
      JsonNode done = client.send(message("PS1/4", "eth_unsubscribe", "[\"" + id + "\"]")).json();
      assertEquals(true, done.path("result").asBoolean(false), done.toString());
      assertEquals("PS1/4", done.get("id").asText());
      JsonNode again = client.send(message("PS1/5", "eth_unsubscribe", "[\"" + id + "\"]")).json();
      assertTrue(again.has("error"), again.toString());
      // a later PS1 log reaches nobody: the next line is the answer to the next call
      log(c1, "0x5ec2e7aa03", KB);
      JsonNode after = client.send(message("PS1/6", "eth_getPSI", "[]")).json();
      assertEquals("PS1/6", after.path("id").asText(), after.toString());
      assertEquals("PS1", after.path("result").asText(), after.toString());
    }
    until(() -> sockets().leased() == 0, "the lease to end with the connection");
  }

  @Test
  void aSubscriptionNamingPs2NeverSeesPs1AndWithoutAPrefixUsesTheDefaultSocket() throws Exception {
    try (IpcClient client = IpcClient.connect(socket)) {
      String two = client.send(message("PS2/1", "eth_subscribe", "[\"logs\",{}]")).json().path("result").asText();
      String plain = client.send(message("2", "eth_subscribe", "[\"logs\",{}]")).json().path("result").asText();
      assertTrue(two.startsWith("0x") && plain.startsWith("0x"), two + " " + plain);
      assertEquals(1, sockets().leased(), "only the prefixed subscription leases a PSI socket");
      stack.node().subscribed("logs", 2).await(10, TimeUnit.SECONDS);

      log(c1, "0x5ec2e7aa01", KB);
      log(c2, "0x5ec2e7bb01", KC);
      JsonNode note = client.json();
      assertEquals(two, note.path("params").path("subscription").asText(), note.toString());
      assertEquals("0x5ec2e7bb01", note.path("params").path("result").path("data").asText(), note.toString());
      assertFalse(note.toString().contains("5ec2e7aa"), note.toString());
      // the default socket serves the default state ("private"), which has neither PSI's logs
      JsonNode unsubscribed = client.send(message("3", "eth_unsubscribe", "[\"" + plain + "\"]")).json();
      assertEquals(true, unsubscribed.path("result").asBoolean(false), unsubscribed.toString());
    }
    until(() -> sockets().leased() == 0, "the lease to end with the connection");
  }
}
