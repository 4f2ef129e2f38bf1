package dev.scopegate.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.devnode.Address;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.devnode.DevScenario;
import dev.scopegate.devnode.MinedTransaction;
import dev.scopegate.devnode.PrivacyRequest;
import dev.scopegate.devnode.Scenario;
import dev.scopegate.devnode.TransactionRequest;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import dev.scopegate.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Path 5 of issue #9, as the attack: A's private transaction (private to A alone) calls A's
 * reacher, which calls B's private contract with A's input — a secret. B's contract logs it on
 * the shared private state. B asks for it every way a tenant can — {@code eth_getLogs}, a polled
 * filter, a {@code logs} subscription, the receipts, a batch — and the secret is in no answer:
 * B's own node would never have executed A's transaction. B's own later call (a marker) is in
 * every answer, so an empty answer cannot pass for isolation, and the subscription's marker
 * arriving first proves the secret's log, delivered in order before it, was never sent.
 */
@ExtendWith(VertxExtension.class)
class ForeignTransactionLogsTest {
  private Stack stack;
  private Scenario scenario;
  private String tokenB;
  private String secret;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    scenario = DevScenario.seed(node.chain());
    stack = Stack.start(vertx, node, c -> TestConfigs.withUpstreamWs(c, node.wsUrl()));
    stack.awaitIndexed();
    tokenB = stack.token("rpc://eth_*", TenantScopes.owner(scenario.keyB()));
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    secret = HexFormat.of().formatHex(random);
  }

  @AfterEach
  void stop() throws Exception {
    stack.close();
  }

  /** A's transaction, private to A; it may come from another node, so it is mined directly. */
  private MinedTransaction attack() {
    return mine(scenario.ownerA(), scenario.reacher().address(), "0x" + secret, scenario.keyA());
  }

  /** B's own call of its contract, after the attack. */
  private MinedTransaction marker() {
    return mine(scenario.ownerB(), scenario.privateB().address(), "0xb0b0", scenario.keyB());
  }

  private MinedTransaction mine(Address from, Address to, String data, String key) {
    return stack.node().chain().mineTransaction(
        TransactionRequest.call(from, to, data).withPrivacy(PrivacyRequest.local(key, List.of(), 0)));
  }

  private String asB(String body) {
    return stack.proxy().tenant(tokenB, body).body();
  }

  private String allLogs() {
    return "[{\"fromBlock\":\"0x0\",\"toBlock\":\"latest\"}]";
  }

  @Test
  void theSecretReachesBsContractLogOnTheNode() throws Exception {
    attack();
    stack.awaitIndexed();
    String operator = stack.proxy().operator(Wire.call(1, "eth_getLogs", "[{\"fromBlock\":\"0x0\",\"toBlock\":\"latest\","
        + "\"address\":\"" + scenario.privateB().address() + "\"}]")).body();
    assertTrue(operator.contains(secret), "the attack works on the node: B's contract logged A's secret");
  }

  @Test
  void noHttpAnswerOfBCarriesTheSecret() throws Exception {
    String filter = Wire.json(stack.proxy().tenant(tokenB, Wire.call(1, "eth_newFilter", allLogs())))
        .get("result").asText();
    String attack = attack().transaction().hash().hex();
    MinedTransaction marker = marker();
    stack.awaitIndexed();

    List<String> answers = new ArrayList<>();
    String byAddress = "[{\"fromBlock\":\"0x0\",\"toBlock\":\"latest\",\"address\":\"" + scenario.privateB().address() + "\"}]";
    answers.add(asB(Wire.call(2, "eth_getLogs", allLogs())));
    answers.add(asB(Wire.call(3, "eth_getLogs", byAddress)));
    answers.add(asB(Wire.call(4, "eth_getFilterChanges", "[\"" + filter + "\"]")));
    answers.add(asB(Wire.call(5, "eth_getFilterLogs", "[\"" + filter + "\"]")));
    String receipts = asB(Wire.call(6, "eth_getTransactionReceipt", "[\"" + attack + "\"]"));
    answers.add(receipts);
    answers.add(asB(Wire.call(7, "eth_getPrivateTransactionReceipt", "[\"" + attack + "\"]")));
    String batch = asB("[" + Wire.call(8, "eth_getLogs", byAddress) + ","
        + Wire.call(9, "eth_getTransactionReceipt", "[\"" + attack + "\"]") + ","
        + Wire.call(10, "eth_getLogs", allLogs()) + "]");
    answers.add(batch);

    for (String answer : answers) {
      assertFalse(answer.contains(secret), "B's answer carries A's secret: " + answer);
      assertFalse(answer.contains("\"error\""), "an answer, not a refusal: " + answer);
    }
    String markerHash = marker.transaction().hash().hex();
    for (int i : new int[] {0, 1, 2, 3, 6}) {
      assertTrue(answers.get(i).contains(markerHash), "B's own log is shown: " + answers.get(i));
    }
    assertEquals(0, Wire.json(stack.proxy().tenant(tokenB, Wire.call(6, "eth_getTransactionReceipt", "[\"" + attack + "\"]")))
        .get("result").get("logs").size(), "B's receipt of A's transaction is blank");
  }

  @Test
  void bsLogSubscriptionNeverCarriesTheSecret() throws Exception {
    WsClient b = WsClient.connect(stack.proxy().url(), "Authorization", "Bearer " + tokenB);
    JsonNode subscribed = b.call(Wire.call(1, "eth_subscribe", "[\"logs\",{}]"));
    String subscription = subscribed.get("result").asText();
    attack();
    String markerHash = marker().transaction().hash().hex();

    JsonNode first = b.notification();
    assertFalse(first.toString().contains(secret), "B's subscription carried A's secret: " + first);
    assertEquals(subscription, first.get("params").get("subscription").asText());
    assertEquals(markerHash, first.get("params").get("result").get("transactionHash").asText(),
        "the first log B receives is its own call, mined after the attack: the attack's log was not sent");
    JsonNode polled = b.call(Wire.call(2, "eth_getLogs", allLogs()));
    assertFalse(polled.toString().contains(secret), "over WebSocket too: " + polled);
    b.close();
  }
}
