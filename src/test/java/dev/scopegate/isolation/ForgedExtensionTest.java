package dev.scopegate.isolation;

import static dev.scopegate.devnode.DevTessera.KA;
import static dev.scopegate.devnode.DevTessera.KB;
import static dev.scopegate.devnode.DevTessera.KC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.devnode.Address;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.devnode.DevScenario;
import dev.scopegate.devnode.ExtenderContract;
import dev.scopegate.devnode.Scenario;
import dev.scopegate.devnode.StateSharedEvent;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import dev.scopegate.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Utf8String;

/**
 * Issue #9, paths 1 and 2, as the attack: tenant A, holding only its own token, makes a
 * StateShared log name B's contract — from a contract of its own that emits the topic, and from
 * a genuine extension management contract A creates itself — then tries everything to reach B's
 * contract over HTTP, in batches and over WebSocket. B's secrets (its code, its storage word, the
 * data it logged) must appear in no answer. A genuine extension, made by B and approved by its
 * recipient, makes that recipient a party, and no one else. A malformed StateShared never stops
 * the index.
 */
@ExtendWith(VertxExtension.class)
class ForgedExtensionTest {
  private static final String SECRET = "5ec2e7" + "b0b5ec2e7".repeat(6);

  private Stack stack;
  private Scenario scenario;
  private String tokenA;
  private String tokenB;
  private String tokenC;
  private Address contractB;
  private List<String> secrets;
  private final List<String> answers = new ArrayList<>();

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    scenario = DevScenario.seed(node.chain());
    contractB = scenario.privateB().address();
    stack = Stack.start(vertx, node, c -> TestConfigs.withUpstreamWs(c, node.wsUrl()));
    tokenA = stack.token("rpc://eth_*", TenantScopes.owner(KA));
    tokenB = stack.token("rpc://eth_*", TenantScopes.owner(KB));
    tokenC = stack.token("rpc://eth_*", TenantScopes.owner(KC));
    result(tokenB, "eth_sendTransaction", "[" + tx(scenario.ownerB(), contractB.hex(), "0x" + SECRET, KB) + "]");
    stack.awaitIndexed();
    secrets = List.of(
        strip(result(null, "eth_getCode", "[\"" + contractB.hex() + "\",\"latest\"]").asText()),
        strip(result(null, "eth_getStorageAt", "[\"" + contractB.hex() + "\",\"0x0\",\"latest\"]").asText()),
        SECRET);
  }

  @AfterEach
  void stop() throws Exception {
    stack.close();
  }

  @Test
  void aForgedStateSharedFromATenantsOwnContractGivesItNothing() throws Exception {
    Address forger = deploy(tokenA, scenario.ownerA(), "0xe7e75a", KA);
    String payloadOfA = aPayloadHashOf(tokenA);
    sendAs(tokenA, scenario.ownerA(), forger, new StateSharedEvent(contractB, payloadOfA, "u").encode(), KA);
    stack.awaitIndexed();

    attackEverywhere();
  }

  @Test
  void aGenuineExtenderMadeByANonPartyGivesItNothing() throws Exception {
    String init = ExtenderContract.INIT + FunctionEncoder.encodeConstructor(List.of(
        new org.web3j.abi.datatypes.Address(contractB.hex()),
        new org.web3j.abi.datatypes.Address(scenario.ownerB().hex()), new Utf8String(KA)));
    Address extender = deploy(tokenA, scenario.ownerA(), init, KA);
    assertEquals(ExtenderContract.RUNTIME, result(tokenA, "eth_getCode", "[\"" + extender.hex() + "\",\"latest\"]").asText());
    sendAs(tokenA, scenario.ownerA(), extender, FunctionEncoder.encode(new Function("doVote",
        List.of(new Bool(true), new Utf8String("0x" + "ab".repeat(64))), List.of())), KA);
    JsonNode shared = receiptAs(tokenA, sendAs(tokenA, scenario.ownerA(), extender, FunctionEncoder.encode(
        new Function("setSharedStateHash", List.of(new Utf8String(aPayloadHashOf(tokenA))), List.of())), KA));
    assertTrue(shared.get("logs").toString().contains(contractB.hex().substring(2)),
        "the genuine contract did log StateShared naming B's contract: " + shared);
    stack.awaitIndexed();

    attackEverywhere();
  }

  @Test
  void aMalformedStateSharedIsSkippedAndTheIndexGoesOn() throws Exception {
    Address forger = deploy(tokenA, scenario.ownerA(), "0xe7e75a", KA);
    sendAs(tokenA, scenario.ownerA(), forger, "0x1234", KA);
    sendAs(tokenA, scenario.ownerA(), forger, "0x" + "00".repeat(31) + "ff", KA);
    Address later = deploy(tokenB, scenario.ownerB(), "0x6080604052b2", KB);
    stack.awaitIndexed();

    assertEquals("0x6080604052b2", result(tokenB, "eth_getCode", "[\"" + later.hex() + "\",\"latest\"]").asText(),
        "the index passed the malformed logs and knows B's later contract");
    attackEverywhere();
  }

  @Test
  void aGenuineExtensionByAPartyMakesOnlyItsRecipientAParty() throws Exception {
    Address recipient = stack.node().chain().accounts().get(2);
    String creation = result(null, "quorumExtension_extendContract", "[\"" + contractB.hex() + "\",\"" + KC + "\",\""
        + recipient.hex() + "\"," + "{\"from\":\"" + scenario.ownerB().hex() + "\",\"privateFrom\":\"" + KB + "\"}]").asText();
    String management = result(null, "eth_getTransactionReceipt", "[\"" + creation + "\"]").get("contractAddress").asText();
    stack.awaitIndexed();
    assertEquals("0x", code(tokenC), "before the recipient's approval nothing is shared");

    result(null, "quorumExtension_approveExtension", "[\"" + management + "\",true,{\"from\":\"" + recipient.hex()
        + "\",\"privateFrom\":\"" + KC + "\",\"privateFor\":[\"" + KB + "\"]}]");
    stack.awaitIndexed();

    assertEquals("0x" + secrets.get(0), code(tokenC), "the named recipient is now a party");
    assertEquals("0x" + secrets.get(0), code(tokenB));
    attackEverywhere();
  }

  /** Every way A might reach B's contract; none may carry B's secrets. */
  private void attackEverywhere() throws Exception {
    String b = contractB.hex();
    List<String> calls = List.of(
        Wire.call(1, "eth_getCode", "[\"" + b + "\",\"latest\"]"),
        Wire.call(2, "eth_getStorageAt", "[\"" + b + "\",\"0x0\",\"latest\"]"),
        Wire.call(3, "eth_call", "[{\"to\":\"" + b + "\",\"data\":\"0x\"},\"latest\"]"),
        Wire.call(4, "eth_estimateGas", "[{\"from\":\"" + scenario.ownerA().hex() + "\",\"to\":\"" + b + "\"}]"),
        Wire.call(5, "eth_getLogs", "[{\"address\":\"" + b + "\",\"fromBlock\":\"0x0\"}]"),
        Wire.call(6, "eth_getLogs", "[{\"fromBlock\":\"0x0\"}]"),
        Wire.call(7, "eth_getContractPrivacyMetadata", "[\"" + b + "\"]"),
        Wire.call(8, "eth_sendTransaction", "[" + tx(scenario.ownerA(), b, "0x" + SECRET, KA) + "]"),
        Wire.call(9, "eth_getTransactionReceipt", "[\"" + scenario.privateB().call().hex() + "\"]"),
        Wire.call(10, "eth_getBalance", "[\"" + b + "\",\"latest\"]"));
    for (String call : calls) {
      answers.add(stack.proxy().tenant(tokenA, call).body());
    }
    answers.add(stack.proxy().tenant(tokenA, "[" + String.join(",", calls) + "]").body());
    WsClient ws = WsClient.connect(stack.proxy().url(), "Authorization", "Bearer " + tokenA);
    try {
      for (String call : calls) {
        answers.add(ws.call(call).toString());
      }
      answers.add(ws.call("[" + String.join(",", calls) + "]").toString());
      JsonNode subscribed = ws.call(Wire.call(11, "eth_subscribe", "[\"logs\",{}]"));
      answers.add(subscribed.toString());
      result(tokenB, "eth_sendTransaction", "[" + tx(scenario.ownerB(), contractB.hex(), "0x" + SECRET, KB) + "]");
      Address own = scenario.privateA().address();
      result(tokenA, "eth_sendTransaction", "[" + tx(scenario.ownerA(), own.hex(), "0xa11ce0", KA) + "]");
      JsonNode next = ws.notification();
      answers.add(next.toString());
      assertEquals(own.hex(), next.get("params").get("result").get("address").asText(),
          "A's next log is its own: B's, mined before it, was not delivered");
    } finally {
      ws.close();
    }
    for (String answer : answers) {
      String text = answer.toLowerCase(Locale.ROOT);
      for (String secret : secrets) {
        assertFalse(text.contains(secret), "B's secret " + secret + " in an answer to A: " + answer);
      }
    }
    assertTrue(answers.get(0).contains("\"0x\""), "eth_getCode answered as a non-party node: " + answers.get(0));
    assertTrue(answers.get(7).contains("not authorized"), "a write to B's contract is refused: " + answers.get(7));
  }

  private String code(String token) {
    return result(token, "eth_getCode", "[\"" + contractB.hex() + "\",\"latest\"]").asText();
  }

  private Address deploy(String token, Address from, String code, String key) {
    String hash = result(token, "eth_sendTransaction",
        "[{\"from\":\"" + from.hex() + "\",\"data\":\"" + code + "\",\"privateFrom\":\"" + key + "\",\"privateFor\":[]}]")
        .asText();
    return Address.of(receiptAs(token, hash).get("contractAddress").asText());
  }

  private String sendAs(String token, Address from, Address to, String data, String key) {
    return result(token, "eth_sendTransaction", "[" + tx(from, to.hex(), data, key) + "]").asText();
  }

  private JsonNode receiptAs(String token, String hash) {
    return result(token, "eth_getTransactionReceipt", "[\"" + hash + "\"]");
  }

  /** A payload A may name: the hash of its own private transaction, in base64. */
  private String aPayloadHashOf(String token) {
    JsonNode tx = result(token, "eth_getTransactionByHash", "[\"" + scenario.privateA().call().hex() + "\"]");
    return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(strip(tx.get("input").asText())));
  }

  private static String tx(Address from, String to, String data, String key) {
    return "{\"from\":\"" + from.hex() + "\",\"to\":\"" + to + "\",\"data\":\"" + data + "\",\"privateFrom\":\"" + key
        + "\",\"privateFor\":[]}";
  }

  private JsonNode result(String token, String method, String params) {
    String body = Wire.call(1, method, params);
    JsonNode answer = Wire.json(token == null ? stack.proxy().operator(body) : stack.proxy().tenant(token, body));
    if (!answer.has("result")) {
      throw new AssertionError(method + " failed: " + answer);
    }
    return answer.get("result");
  }

  private static String strip(String hex) {
    return hex.toLowerCase(Locale.ROOT).replaceFirst("^0x", "");
  }
}
