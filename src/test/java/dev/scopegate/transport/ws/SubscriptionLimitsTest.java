package dev.scopegate.transport.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.config.Config;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.testing.IpcClient;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import dev.scopegate.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subscription bounds through the wire: per connection (WebSocket and IPC), per tenant over all
 * its connections, and the size of a {@code logs} filter; each refusal names its limit and
 * leaves the connection serving.
 */
@ExtendWith(VertxExtension.class)
class SubscriptionLimitsTest {
  private static final String HEADS = "[\"newHeads\"]";

  @TempDir Path dir;
  private Stack stack;
  private Path socket;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    socket = dir.resolve("sg.ipc");
    stack = Stack.start(vertx, node, c -> TestConfigs.withSubscriptions(
        TestConfigs.withIpc(TestConfigs.withUpstreamWs(c, node.wsUrl()), socket),
        new Config.Subscriptions(3, 5, 4)));
  }

  @AfterEach
  void stop() throws Exception {
    stack.close();
  }

  private WsClient tenant(String subject) throws Exception {
    return WsClient.connect(stack.proxy().url(), "Authorization",
        "Bearer " + stack.tokenFor(subject, "rpc://eth_*"));
  }

  private static JsonNode subscribe(WsClient client, String params) throws InterruptedException {
    return client.call(Wire.call(9, "eth_subscribe", params));
  }

  private static void assertRefused(JsonNode answer, int code, String message, String naming) {
    assertEquals(code, answer.path("error").path("code").asInt(), answer.toString());
    assertEquals(message, answer.path("error").path("message").asText(), answer.toString());
    assertTrue(answer.path("error").path("data").asText().contains(naming), answer.toString());
    assertEquals(9, answer.path("id").asInt());
  }

  @Test
  void perConnectionThenPerTenant() throws Exception {
    WsClient first = tenant("alice");
    String kept = null;
    for (int i = 0; i < 3; i++) {
      kept = subscribe(first, HEADS).path("result").asText();
      assertTrue(kept.startsWith("0x"), kept);
    }
    assertRefused(subscribe(first, HEADS), -32005, "subscription limit exceeded",
        "server.ws.maxSubscriptionsPerConnection");
    // the connection still serves, and an unsubscribe gives the place back
    assertEquals("0x539", first.call(Wire.call(2, "eth_chainId", "[]")).path("result").asText());
    assertTrue(first.call(Wire.call(3, "eth_unsubscribe", "[\"" + kept + "\"]")).path("result").asBoolean());
    String again = subscribe(first, HEADS).path("result").asText();
    assertTrue(again.startsWith("0x"), again);

    WsClient second = tenant("alice");
    assertTrue(subscribe(second, HEADS).has("result"));
    assertTrue(subscribe(second, HEADS).has("result"));
    assertRefused(subscribe(second, HEADS), -32005, "subscription limit exceeded",
        "server.ws.maxSubscriptionsPerTenant");
    // another tenant is not affected by alice's total
    WsClient bob = tenant("bob");
    assertTrue(subscribe(bob, HEADS).has("result"));
    // a place given back on one connection serves alice on another
    String firstOne = first.call(Wire.call(5, "eth_subscribe", HEADS)).path("error").path("message").asText();
    assertEquals("subscription limit exceeded", firstOne);
    assertTrue(first.call(Wire.call(6, "eth_unsubscribe", "[\"" + again + "\"]")).path("result").asBoolean());
    assertTrue(subscribe(second, HEADS).has("result"));
    first.close();
    second.close();
    bob.close();
  }

  @Test
  void aBatchOfSubscribesStopsAtTheLimit() throws Exception {
    WsClient client = tenant("carol");
    String call = Wire.call(9, "eth_subscribe", HEADS);
    JsonNode answers = client.call("[" + call + "," + call + "," + call + "," + call + "]");
    int refused = 0;
    for (JsonNode a : answers) {
      if (a.has("error")) {
        refused++;
        assertRefused(a, -32005, "subscription limit exceeded", "maxSubscriptionsPerConnection");
      }
    }
    assertEquals(1, refused, answers.toString());
    client.close();
  }

  @Test
  void logsFiltersAreBounded() throws Exception {
    WsClient client = tenant("dave");
    String a = "\"0x" + "11".repeat(20) + "\"";
    String t = "\"0x" + "22".repeat(32) + "\"";
    assertRefused(subscribe(client, "[\"logs\",{\"address\":[" + String.join(",", a, a, a, a, a) + "]}]"),
        -32602, "logs filter too large", "server.ws.maxLogsFilterTerms");
    assertRefused(subscribe(client, "[\"logs\",{\"address\":[" + a + "," + a + "],\"topics\":[[" + t + "," + t + "]," + t + "]}]"),
        -32602, "logs filter too large", "server.ws.maxLogsFilterTerms");
    assertRefused(subscribe(client, "[\"logs\",{\"topics\":[null,null,null,null," + t + "]}]"),
        -32602, "logs filter too large", "topic positions");
    assertTrue(subscribe(client, "[\"logs\",{\"address\":" + a + ",\"topics\":[null,[" + t + "," + t + "]]}]")
        .has("result"));
    client.close();
  }

  @Test
  void operatorsOverIpcAreBoundedPerConnectionOnly() throws Exception {
    try (IpcClient one = IpcClient.connect(socket); IpcClient two = IpcClient.connect(socket)) {
      for (int i = 0; i < 3; i++) {
        one.send(Wire.call(9, "eth_subscribe", HEADS) + "\n");
        assertTrue(one.json().has("result"));
      }
      one.send(Wire.call(9, "eth_subscribe", HEADS) + "\n");
      assertRefused(one.json(), -32005, "subscription limit exceeded", "maxSubscriptionsPerConnection");
      // operators have no tenant total: a second connection gets its own 3 (6 > 5)
      for (int i = 0; i < 3; i++) {
        two.send(Wire.call(9, "eth_subscribe", HEADS) + "\n");
        assertTrue(two.json().has("result"));
      }
    }
  }
}
