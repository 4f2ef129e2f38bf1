package dev.scopegate.transport.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.devnode.Address;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.devnode.DevScenario;
import dev.scopegate.devnode.PrivacyRequest;
import dev.scopegate.devnode.Scenario;
import dev.scopegate.devnode.TransactionRequest;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import dev.scopegate.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** WebSocket through Scopegate: the upgrade's auth, the same policy per message, subscriptions. */
@ExtendWith(VertxExtension.class)
class WsWireTest {
  private Stack stack;
  private Scenario scenario;
  private String tokenA;
  private String tokenB;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    scenario = DevScenario.seed(node.chain());
    stack = Stack.start(vertx, node, c -> TestConfigs.withUpstreamWs(c, node.wsUrl()));
    stack.awaitIndexed();
    tokenA = stack.token("rpc://eth_*", scope(scenario.keyA()));
    tokenB = stack.token("rpc://eth_*", scope(scenario.keyB()));
  }

  @AfterEach
  void stop() throws Exception {
    stack.close();
  }

  private static String scope(String key) {
    return "private://0x0/_/contracts?owned.eoa=0x0&from.tm="
        + key.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
  }

  private URI url() {
    return stack.proxy().url();
  }

  private WsClient tenant(String token) throws Exception {
    return WsClient.connect(url(), "Authorization", "Bearer " + token);
  }

  @Test
  void theUpgradeIsAuthenticated() throws Exception {
    assertEquals(401, WsClient.refusal(url()));
    assertEquals(401, WsClient.refusal(url(), "Authorization", "Bearer not.a.token"));
    assertEquals(401, WsClient.refusal(url(), "X-API-Key", "wrong"));
    assertEquals(401, WsClient.refusal(URI.create(url() + "?access_token=" + tokenA)),
        "a token in the query is refused unless server.ws.queryToken allows it");
    WsClient operator = WsClient.connect(url(), "X-API-Key", TestConfigs.API_KEY);
    assertEquals("0x539", operator.call(Wire.call(1, "eth_chainId", "[]")).get("result").asText());
    operator.close();
  }

  @Test
  void everyMessagePassesThePolicy() throws Exception {
    WsClient a = tenant(stack.token("rpc://eth_chainId", scope(scenario.keyA())));
    assertEquals("0x539", a.call(Wire.call(1, "eth_chainId", "[]")).get("result").asText());
    assertEquals("net_version - access denied", a.call(Wire.call(2, "net_version", "[]")).get("error").get("message").asText());
    JsonNode batch = a.call("[" + Wire.call(3, "eth_chainId", "[]") + "," + Wire.call(4, "admin_peers", "[]") + "]");
    assertEquals("0x539", batch.get(0).get("result").asText());
    assertEquals("admin_peers - access denied", batch.get(1).get("error").get("message").asText());
    WsClient full = tenant(tokenA);
    assertEquals("0x", full.call(Wire.call(5, "eth_getCode", "[\"" + scenario.privateB().address() + "\",\"latest\"]"))
        .get("result").asText(), "state reads are guarded as over HTTP");
    a.close();
    full.close();
  }

  private String subscribeLogs(WsClient client) throws InterruptedException {
    JsonNode answer = client.call(Wire.call(7, "eth_subscribe", "[\"logs\",{}]"));
    assertTrue(answer.has("result"), answer.toString());
    return answer.get("result").asText();
  }

  private void callContract(Address from, Address contract, Optional<PrivacyRequest> privacy) {
    TransactionRequest call = TransactionRequest.call(from, contract, "0xbeef");
    stack.node().chain().mineTransaction(privacy.map(call::withPrivacy).orElse(call));
  }

  private static Set<String> addressesOf(WsClient client, String subscription, int count) throws InterruptedException {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < count; i++) {
      JsonNode note = client.notification();
      assertEquals(subscription, note.get("params").get("subscription").asText());
      seen.add(note.get("params").get("result").get("address").asText());
    }
    return seen;
  }

  @Test
  void logSubscriptionsAreIsolated() throws Exception {
    WsClient a = tenant(tokenA);
    WsClient b = tenant(tokenB);
    WsClient operator = WsClient.connect(url(), "X-API-Key", TestConfigs.API_KEY);
    String subA = subscribeLogs(a);
    String subB = subscribeLogs(b);
    String subOp = subscribeLogs(operator);

    PrivacyRequest onlyA = PrivacyRequest.local(scenario.keyA(), List.of(), 0);
    PrivacyRequest onlyB = PrivacyRequest.local(scenario.keyB(), List.of(), 0);
    PrivacyRequest both = PrivacyRequest.local(scenario.keyA(), List.of(scenario.keyB()), 0);
    callContract(scenario.ownerA(), scenario.privateA().address(), Optional.of(onlyA));
    callContract(scenario.ownerB(), scenario.privateB().address(), Optional.of(onlyB));
    callContract(scenario.ownerA(), scenario.shared().address(), Optional.of(both));
    callContract(scenario.ownerA(), scenario.publicContract().address(), Optional.empty());

    String privateA = scenario.privateA().address().hex();
    String privateB = scenario.privateB().address().hex();
    String shared = scenario.shared().address().hex();
    String open = scenario.publicContract().address().hex();
    assertEquals(Set.of(privateA, shared, open), addressesOf(a, subA, 3));
    assertEquals(Set.of(privateB, shared, open), addressesOf(b, subB, 3));
    assertEquals(Set.of(privateA, privateB, shared, open), addressesOf(operator, subOp, 4));
    // a public marker, mined last: notifications keep their order, so whatever a tenant received
    // between the logs above and the marker would come before it
    callContract(scenario.ownerB(), scenario.publicContract().address(), Optional.empty());
    assertEquals(open, a.notification().get("params").get("result").get("address").asText(),
        "A never receives B's private log: the next notification is the marker");
    assertEquals(open, b.notification().get("params").get("result").get("address").asText(),
        "B never receives A's private log: the next notification is the marker");
    a.close();
    b.close();
    operator.close();
  }

  /** The notification as the envelope's tree writes it, with {@code id} and {@code result}. */
  private static String envelope(String id, JsonNode result) {
    com.fasterxml.jackson.databind.node.ObjectNode params = Json.MAPPER.createObjectNode().put("subscription", id);
    params.set("result", result);
    com.fasterxml.jackson.databind.node.ObjectNode message =
        Json.MAPPER.createObjectNode().put("jsonrpc", "2.0").put("method", "eth_subscription");
    message.set("params", params);
    return Json.string(message);
  }

  /** The next notification's text; asserts it is exactly the envelope of its id and result. */
  private static String exact(WsClient client, String subscription) throws Exception {
    String text = client.notificationText();
    JsonNode result = Json.MAPPER.readTree(text).get("params").get("result");
    assertEquals(envelope(subscription, result), text);
    return text.substring(text.indexOf(",\"result\":"));
  }

  @Test
  void theSharedEncodingGivesEachSubscriberItsOwnExactNotificationAndNoOtherTenantsLog() throws Exception {
    WsClient a1 = tenant(tokenA);
    WsClient a2 = tenant(tokenA);
    WsClient b = tenant(tokenB);
    WsClient operator = WsClient.connect(url(), "X-API-Key", TestConfigs.API_KEY);
    List<WsClient> all = List.of(a1, a2, b, operator);
    List<String> heads = new java.util.ArrayList<>();
    List<String> logs = new java.util.ArrayList<>();
    for (WsClient client : all) {
      heads.add(client.call(Wire.call(1, "eth_subscribe", "[\"newHeads\"]")).get("result").asText());
      logs.add(subscribeLogs(client)); // the same filter: one upstream subscription for all four
    }
    assertEquals(1, stack.node().subscribeCount("logs"));

    stack.node().chain().generate(1, 0, 3);
    Set<String> headResults = new HashSet<>();
    for (int i = 0; i < all.size(); i++) {
      headResults.add(exact(all.get(i), heads.get(i)));
    }
    assertEquals(1, headResults.size(), "one head, the same result bytes for every subscriber");

    // B's private log first: the tenants' next log notifications show who received it
    callContract(scenario.ownerB(), scenario.privateB().address(), Optional.of(PrivacyRequest.local(scenario.keyB(), List.of(), 0)));
    callContract(scenario.ownerA(), scenario.privateA().address(), Optional.of(PrivacyRequest.local(scenario.keyA(), List.of(), 0)));
    String privateA = scenario.privateA().address().hex();
    String privateB = scenario.privateB().address().hex();
    Map<String, Set<String>> received = new java.util.HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      WsClient client = all.get(i);
      List<String> mine = new java.util.ArrayList<>();
      int expected = client == operator ? 2 : 1;
      while (mine.size() < expected) {
        String text = client.notificationText(); // heads of the two blocks come in between
        JsonNode note = Json.MAPPER.readTree(text);
        String id = note.get("params").get("subscription").asText();
        if (id.equals(logs.get(i))) {
          JsonNode result = note.get("params").get("result");
          assertEquals(envelope(id, result), text, "exactly the bytes the envelope's tree gives");
          mine.add(result.get("address").asText());
        } else {
          assertEquals(heads.get(i), id, "only this connection's own subscriptions");
        }
      }
      received.put(String.valueOf(i), Set.copyOf(mine));
    }
    assertEquals(Set.of(privateA), received.get("0"));
    assertEquals(Set.of(privateA), received.get("1"));
    assertEquals(Set.of(privateB), received.get("2"), "B gets its own log and never A's");
    assertEquals(Set.of(privateA, privateB), received.get("3"));
    all.forEach(WsClient::close);
  }

  @Test
  void newHeadsArriveAndIdsBelongToTheirConnection() throws Exception {
    WsClient a = tenant(tokenA);
    WsClient other = tenant(tokenA);
    String sub = a.call(Wire.call(1, "eth_subscribe", "[\"newHeads\"]")).get("result").asText();
    stack.node().chain().generate(1, 0, 3);
    JsonNode head = a.notification();
    assertEquals(sub, head.get("params").get("subscription").asText());
    assertEquals(stack.node().chain().head().hash().hex(), head.get("params").get("result").get("hash").asText());
    JsonNode foreign = other.call(Wire.call(2, "eth_unsubscribe", "[\"" + sub + "\"]"));
    assertEquals("subscription not found", foreign.get("error").get("message").asText());
    assertEquals(true, a.call(Wire.call(3, "eth_unsubscribe", "[\"" + sub + "\"]")).get("result").asBoolean());
    stack.node().chain().generate(1, 0, 4);
    // a second subscription, then a later block: a head for the first one would come before the
    // later block's (the second may also see the block before, still on its way when it began)
    String later = a.call(Wire.call(4, "eth_subscribe", "[\"newHeads\"]")).get("result").asText();
    stack.node().chain().generate(1, 0, 5);
    String last = stack.node().chain().head().hash().hex();
    JsonNode next;
    do {
      next = a.notification();
      assertEquals(later, next.get("params").get("subscription").asText(), "no notification after unsubscribing");
    } while (!next.get("params").get("result").get("hash").asText().equals(last));
    a.close();
    other.close();
  }

  @Test
  void manyClientsShareOneUpstreamSubscription() throws Exception {
    List<WsClient> clients = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) {
      WsClient client = tenant(tokenA);
      client.call(Wire.call(1, "eth_subscribe", "[\"newHeads\"]"));
      clients.add(client);
    }
    assertEquals(1, stack.node().subscribeCount("newHeads"));
    stack.node().chain().generate(1, 0, 5);
    for (WsClient client : clients) {
      assertEquals("newHeads", client.notification().get("params").has("result") ? "newHeads" : "none");
      client.close();
    }
  }

  @Test
  void subscriptionsSurviveTheNodesWebSocketRestarting() throws Exception {
    WsClient a = tenant(tokenA);
    String sub = subscribeLogs(a);
    stack.node().dropWebSockets().await(10, TimeUnit.SECONDS);
    callContract(scenario.ownerA(), scenario.privateA().address(),
        Optional.of(PrivacyRequest.local(scenario.keyA(), List.of(), 0)));
    JsonNode note = a.notification();
    assertEquals(sub, note.get("params").get("subscription").asText(), "the client keeps its id");
    assertEquals(scenario.privateA().address().hex(), note.get("params").get("result").get("address").asText(),
        "the log mined while the upstream socket was down is delivered (backfill or live)");
    a.close();
  }
}
