package dev.scopegate.isolation;

import static dev.scopegate.devnode.DevTessera.KA;
import static dev.scopegate.devnode.DevTessera.KB;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.devnode.Address;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.devnode.MinedTransaction;
import dev.scopegate.devnode.PrivacyRequest;
import dev.scopegate.devnode.TransactionRequest;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reads of private state through HTTP: each tenant sees its own contracts, and a non-party node's view of the rest. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StateReadIsolationTest {
  private static final String CODE_A = "0xaaaa";
  private static final String CODE_B = "0xbbbb";
  private static final String CODE_SHARED = "0xabab";
  private static final String CODE_PUBLIC = "0xcccc";

  private Stack stack;
  private Map<String, Address> contracts;
  private Map<String, String> tokens;
  private MinedTransaction bCreation;

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    Address from = node.chain().accounts().get(0);
    MinedTransaction a = node.chain().mineTransaction(privately(from, CODE_A, KA));
    bCreation = node.chain().mineTransaction(privately(from, CODE_B, KB));
    MinedTransaction shared = node.chain().mineTransaction(privately(from, CODE_SHARED, KA, KB));
    MinedTransaction open = node.chain().mineTransaction(TransactionRequest.create(from, CODE_PUBLIC));
    contracts = Map.of(
        "A-only", privateAddress(a), "B-only", privateAddress(bCreation),
        "shared", privateAddress(shared), "public", open.receipt().contractAddress().orElseThrow());
    stack = Stack.start(vertx, node, UnaryOperator.identity());
    stack.awaitIndexed();
    tokens = Map.of(
        "A", stack.token("rpc://eth_*", "rpc://debug_traceTransaction", TenantScopes.owner(KA)),
        "B", stack.token("rpc://eth_*", "rpc://debug_traceTransaction", TenantScopes.owner(KB)),
        "none", stack.token("rpc://eth_*"));
  }

  private static TransactionRequest privately(Address from, String code, String fromKey, String... more) {
    List<String> privateFor = List.of(more);
    return TransactionRequest.create(from, code).withPrivacy(PrivacyRequest.local(fromKey, privateFor, 0));
  }

  private static Address privateAddress(MinedTransaction mined) {
    return mined.local().privateReceipt().orElseThrow().contractAddress().orElseThrow();
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  private JsonNode call(String principal, String method, String params) {
    String body = Wire.call(1, method, params);
    return Wire.json(principal.equals("operator")
        ? stack.proxy().operator(body)
        : stack.proxy().tenant(tokens.get(principal), body));
  }

  private static String outcome(JsonNode answer) {
    return answer.has("error") ? answer.get("error").get("message").asText() : answer.get("result").asText();
  }

  @ParameterizedTest(name = "{0} reads the code of {1}: {2}")
  @CsvSource({
    "A, A-only, 0xaaaa", "A, B-only, 0x", "A, shared, 0xabab", "A, public, 0xcccc",
    "B, A-only, 0x", "B, B-only, 0xbbbb", "B, shared, 0xabab", "B, public, 0xcccc",
    "none, A-only, 0x", "none, shared, 0x", "none, public, 0xcccc",
    "operator, A-only, 0xaaaa", "operator, B-only, 0xbbbb",
  })
  void code(String principal, String contract, String expected) {
    assertEquals(expected, outcome(call(principal, "eth_getCode", "[\"" + contracts.get(contract) + "\",\"latest\"]")));
  }

  @ParameterizedTest(name = "{0} reads {1} of B's contract: {2}")
  @CsvSource(delimiter = ';', value = {
    "A; eth_getBalance; 0x0", "A; eth_getTransactionCount; 0x0",
    "A; eth_getStorageAt; 0x0000000000000000000000000000000000000000000000000000000000000000",
    "A; eth_getProof; not authorized",
  })
  void otherReadsOfANonPartyContract(String principal, String method, String expected) {
    String address = "\"" + contracts.get("B-only") + "\"";
    String params = switch (method) {
      case "eth_getStorageAt" -> "[" + address + ",\"0x0\",\"latest\"]";
      case "eth_getProof" -> "[" + address + ",[],\"latest\"]";
      default -> "[" + address + ",\"latest\"]";
    };
    assertEquals(expected, outcome(call(principal, method, params)));
  }

  @Test
  void privacyMetadataLooksAsOnANonPartyNode() {
    String b = contracts.get("B-only").hex();
    // A's answer is compared byte for byte with A's own node's in NonPartyWordingTest
    assertEquals(outcome(call("operator", "eth_getContractPrivacyMetadata", "[\"" + contracts.get("public").hex() + "\"]"))
            .replace(contracts.get("public").hex().substring(2), b.substring(2)),
        outcome(call("A", "eth_getContractPrivacyMetadata", "[\"" + b + "\"]")));
    assertEquals("no account extra data found", outcome(call("B", "eth_getContractPrivacyMetadata", "[\"" + b + "\"]")));
  }

  @Test
  void tracesOfPrivateTransactionsOnlyForParties() {
    String params = "[\"" + bCreation.transaction().hash().hex() + "\",{\"tracer\":\"callTracer\"}]";
    assertEquals("not authorized", outcome(call("A", "debug_traceTransaction", params)));
    assertEquals("CREATE", call("B", "debug_traceTransaction", params).get("result").get("type").asText());
  }

  @Test
  void malformedParamsAreClearErrors() {
    JsonNode answer = call("A", "eth_getCode", "[\"0x1234\",\"latest\"]");
    assertEquals(-32602, answer.get("error").get("code").asInt());
    assertEquals(-32602, call("A", "eth_getCode", "[\"" + contracts.get("public") + "\",\"soon\"]").get("error").get("code").asInt());
  }

  @Test
  void aBatchMixesPartiesAndNonParties() {
    String body = "[" + Wire.call(1, "eth_getCode", "[\"" + contracts.get("A-only") + "\",\"latest\"]") + ","
        + Wire.call(2, "eth_getCode", "[\"" + contracts.get("B-only") + "\",\"latest\"]") + ","
        + Wire.call(3, "eth_chainId", "[]") + "]";
    JsonNode answers = Wire.json(stack.proxy().tenant(tokens.get("A"), body));
    assertEquals("0xaaaa", answers.get(0).get("result").asText());
    assertEquals("0x", answers.get(1).get("result").asText());
    assertEquals("0x539", answers.get(2).get("result").asText());
  }
}
