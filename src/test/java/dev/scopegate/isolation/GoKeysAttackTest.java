package dev.scopegate.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.devnode.Address;
import dev.scopegate.devnode.Chain;
import dev.scopegate.devnode.Contracts;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.devnode.DevTessera;
import dev.scopegate.devnode.MinedTransaction;
import dev.scopegate.devnode.PrivacyRequest;
import dev.scopegate.devnode.TransactionRequest;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.config.Config;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import dev.scopegate.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tenant B sends keys GoQuorum reads but a guard reading only the exact name would not: {@code
 * "TO"}, {@code "to"} beside {@code "To"} (Go keeps the later), a repeated {@code "to"} (Go keeps
 * the last), {@code "CODE"} in a state override, {@code "\u017ftateOverrides"} (LONG S folds to
 * s), and an envelope {@code "Method"} beside {@code "method"}. The dev node reads them as Go does
 * (GoKeys), so each would reach A's vault if a guard read them otherwise. Every attack is refused
 * before the node runs it, over HTTP, WebSocket and in a batch; the vault keeps its secret, and
 * the secret is in no answer.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoKeysAttackTest {
  private static final String SLOT = "0x07";
  private static final String SECRET = "5ec2e7" + "cd".repeat(29);
  private static final String EVIL = "0x" + "ee".repeat(32);
  private static final int MAX_TERMS = 4;

  private Stack stack;
  private Chain chain;
  private Address ownerB;
  private String vaultA;
  private String plainB;
  private String tokenB;
  private final List<String> answers = new ArrayList<>();

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    chain = node.chain();
    Address ownerA = chain.accounts().get(0);
    ownerB = chain.accounts().get(1);
    vaultA = createPrivate(ownerA, DevTessera.KA, Contracts.vault());
    chain.mineTransaction(privately(
        TransactionRequest.call(ownerA, Address.of(vaultA), Contracts.store(SLOT, SECRET)), DevTessera.KA));
    plainB = createPrivate(ownerB, DevTessera.KB, Contracts.vault());
    stack = Stack.start(vertx, node, c -> TestConfigs.withSubscriptions(
        TestConfigs.withUpstreamWs(c, node.wsUrl()), new Config.Subscriptions(3, 5, MAX_TERMS)));
    stack.awaitIndexed();
    tokenB = stack.token("rpc://", TenantScopes.owner(DevTessera.KB));
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  @BeforeEach
  void resetCounts() {
    stack.node().resetRequestCounts();
  }

  @AfterEach
  void theSecretStaysWithA() {
    List<String> seen = List.copyOf(answers);
    answers.clear();
    for (String answer : seen) {
      assertFalse(answer.toLowerCase().contains(SECRET), "the secret leaked: " + answer);
    }
    JsonNode slot = Wire.json(stack.proxy().operator(
        Wire.call(1, "eth_getStorageAt", "[\"" + vaultA + "\",\"" + SLOT + "\",\"latest\"]")));
    assertTrue(slot.path("result").asText().endsWith(SECRET), slot.toString());
  }

  /** B's call objects, each naming A's vault under a key the node obeys. */
  private String callTo(String variant) {
    String load = "\"data\":\"" + Contracts.load(SLOT) + "\"";
    return switch (variant) {
      case "upper" -> "{\"TO\":\"" + vaultA + "\"," + load + "}";
      case "laterCase" -> "{\"to\":\"" + plainB + "\",\"To\":\"" + vaultA + "\"," + load + "}";
      case "repeated" -> "{\"to\":\"" + plainB + "\",\"to\":\"" + vaultA + "\"," + load + "}";
      default -> throw new IllegalArgumentException(variant);
    };
  }

  @ParameterizedTest(name = "an eth_call whose {0} key names A's vault is refused on every transport")
  @ValueSource(strings = {"upper", "laterCase", "repeated"})
  void aCallNamingTheVaultUnderAnotherKeyIsRefused(String variant) throws Exception {
    String params = "[" + callTo(variant) + ",\"latest\"]";
    assertNoResult(http(Wire.call(1, "eth_call", params)));
    assertNoResult(ws(Wire.call(2, "eth_call", params)));
    JsonNode batch = http("[" + Wire.call(3, "eth_call", params) + ","
        + Wire.call(4, "eth_call", "[{\"to\":\"" + plainB + "\",\"data\":\"" + Contracts.load(SLOT) + "\"},\"latest\"]") + "]");
    assertNoResult(batch.get(0));
    assertTrue(batch.get(1).path("result").isTextual(), "B's own call proceeds: " + batch);
    assertEquals(1, stack.node().requestCount("eth_call"), "only B's own call reached the node");
  }

  @ParameterizedTest(name = "a transaction whose {0} key names A's vault is refused and never sent")
  @ValueSource(strings = {"upper", "laterCase", "repeated"})
  void aTransactionNamingTheVaultUnderAnotherKeyIsNeverSent(String variant) throws Exception {
    String tx = callTo(variant).replace("\"data\":\"" + Contracts.load(SLOT) + "\"",
        "\"from\":\"" + ownerB.hex() + "\",\"data\":\"" + Contracts.store(SLOT, EVIL)
            + "\",\"privateFrom\":\"" + DevTessera.KB + "\",\"privateFor\":[]");
    assertNoResult(http(Wire.call(1, "eth_sendTransaction", "[" + tx + "]")));
    assertNoResult(ws(Wire.call(2, "personal_sendTransaction", "[" + tx + ",\"\"]")));
    assertNoResult(http("[" + Wire.call(3, "eth_sendTransactionAsync", "[" + tx + "]") + "]").get(0));
    assertEquals(0, stack.node().requestCount("eth_sendTransaction"));
    assertEquals(0, stack.node().requestCount("personal_sendTransaction"));
    assertEquals(0, stack.node().requestCount("eth_sendTransactionAsync"));
  }

  @Test
  void anOverrideWhoseCodeKeyIsUpperCaseIsTracedAsTheNodeReadsIt() throws Exception {
    String overrides = "{\"" + plainB + "\":{\"CODE\":\"" + Contracts.toucher("CALL", vaultA) + "\"}}";
    String call = "{\"to\":\"" + plainB + "\",\"data\":\"" + Contracts.load(SLOT) + "\"}";
    assertNoResult(http(Wire.call(1, "eth_call", "[" + call + ",\"latest\"," + overrides + "]")));
    assertNoResult(ws(Wire.call(2, "eth_estimateGas", "[" + call + ",\"latest\"," + overrides + "]")));
    String config = "{\"tracer\":\"callTracer\",\"\u017ftateOverrides\":" + overrides + "}";
    assertNoResult(http("[" + Wire.call(3, "debug_traceCall", "[" + call + ",\"latest\"," + config + "]") + "]").get(0));
    assertEquals(0, stack.node().requestCount("eth_call"));
    assertEquals(0, stack.node().requestCount("eth_estimateGas"));
  }

  @Test
  void aSecondMethodKeyInTheEnvelopeNeverReachesTheNode() throws Exception {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"Method\":\"eth_call\",\"params\":["
        + callTo("upper") + ",\"latest\"]}";
    http(body);
    ws(body);
    String only = "{\"jsonrpc\":\"2.0\",\"id\":1,\"METHOD\":\"eth_call\",\"params\":[" + callTo("upper") + ",\"latest\"]}";
    assertEquals(-32600, http(only).path("error").path("code").asInt(), "no method Scopegate can read");
    assertEquals(0, stack.node().requestCount("eth_call"), "the node never ran eth_call");
  }

  @Test
  void aLogsFilterCannotHideItsSizeUnderAnUpperCaseKey() throws Exception {
    StringBuilder addresses = new StringBuilder();
    for (int i = 0; i <= MAX_TERMS; i++) {
      addresses.append(i == 0 ? "" : ",").append(String.format("\"0x%040x\"", i + 1));
    }
    for (String key : new String[] {"address", "ADDRESS", "Address", "addre\u017f\u017f"}) {
      JsonNode answer = ws(Wire.call(1, "eth_subscribe", "[\"logs\",{\"" + key + "\":[" + addresses + "]}]"));
      assertEquals("logs filter too large", answer.path("error").path("message").asText(), key + ": " + answer);
    }
    assertEquals(0, stack.node().requestCount("eth_subscribe"));
  }

  // ---- helpers ----

  private JsonNode http(String body) {
    return json(record(stack.proxy().tenant(tokenB, body).body()));
  }

  private JsonNode ws(String body) throws Exception {
    WsClient client = WsClient.connect(stack.proxy().url(), "Authorization", "Bearer " + tokenB);
    try {
      JsonNode answer = client.call(body);
      record(answer.toString());
      return answer;
    } finally {
      client.close();
    }
  }

  private static JsonNode json(String body) {
    try {
      return Json.MAPPER.readTree(body);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  private String record(String answer) {
    answers.add(answer);
    return answer;
  }

  /** Refused: an error (not authorized, or the ambiguous/repeated key named) and no result. */
  private static void assertNoResult(JsonNode answer) {
    assertTrue(answer.path("error").isObject(), answer.toString());
    assertFalse(answer.has("result"), answer.toString());
  }

  private String createPrivate(Address from, String key, String code) {
    MinedTransaction mined = chain.mineTransaction(privately(TransactionRequest.create(from, code), key));
    return Contracts.createdBy(mined.transaction().from().hex(), mined.transaction().nonce());
  }

  private static TransactionRequest privately(TransactionRequest request, String key) {
    return request.withPrivacy(PrivacyRequest.local(key, List.of(), 0));
  }
}
