package dev.scopegate.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.devnode.Address;
import dev.scopegate.devnode.Chain;
import dev.scopegate.devnode.Contracts;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.devnode.DevTessera;
import dev.scopegate.devnode.MinedTransaction;
import dev.scopegate.devnode.PayloadHash;
import dev.scopegate.devnode.PrivacyRequest;
import dev.scopegate.devnode.TransactionRequest;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.Wire;
import dev.scopegate.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
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
 * Tenant B attacks tenant A's private vault, which keeps a secret in slot 7, from B's own private
 * contracts, each of which reaches A's vault in one of the ways the EVM allows. Every attack goes
 * through the wire (HTTP, WebSocket, batches) as B would send it: transactions must be refused and
 * never reach the node, traces of B's own mined transactions refused, calls with state overrides
 * refused; A's vault keeps its secret; and the secret appears in no answer B gets.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReachAttackTest {
  private static final String SLOT = "0x07";
  private static final String SECRET = "5ec2e7" + "ab".repeat(29);
  private static final String EVIL = "0x" + "ee".repeat(32);
  private static final String[] TOUCHES = {
    "CALL", "CALLCODE", "DELEGATECALL", "STATICCALL", "EXTCODESIZE", "EXTCODECOPY", "BALANCE",
    "SELFDESTRUCT"
  };

  private Stack stack;
  private Chain chain;
  private Address ownerA;
  private Address ownerB;
  private String vaultA;
  private String vaultB;
  private String plainB;
  private String publicPlain;
  private String publicReacher;
  private String create2Reacher;
  private final Map<String, String> touchers = new LinkedHashMap<>();
  private final List<String> answers = new ArrayList<>();
  private String tokenB;

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    chain = node.chain();
    ownerA = chain.accounts().get(0);
    ownerB = chain.accounts().get(1);
    vaultA = createPrivate(ownerA, DevTessera.KA, Contracts.vault());
    chain.mineTransaction(privately(
        TransactionRequest.call(ownerA, Address.of(vaultA), Contracts.store(SLOT, SECRET)), DevTessera.KA));
    vaultB = createPrivate(ownerB, DevTessera.KB, Contracts.vault());
    plainB = createPrivate(ownerB, DevTessera.KB, "0x6080604052bb");
    for (String touch : TOUCHES) {
      touchers.put(touch, createPrivate(ownerB, DevTessera.KB, Contracts.toucher(touch, vaultA)));
    }
    create2Reacher = createPrivate(
        ownerB, DevTessera.KB, Contracts.creator("CREATE2", Contracts.toucher("CALL", vaultA)));
    publicPlain = create(TransactionRequest.create(ownerB, "0x6080604000"));
    publicReacher = create(TransactionRequest.create(ownerB, Contracts.toucher("CALL", vaultA)));
    stack = Stack.start(vertx, node, UnaryOperator.identity());
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

  /** After every attack: A's vault still holds the secret, and no answer B got showed it. */
  @AfterEach
  void theSecretStaysWithA() {
    List<String> seen = List.copyOf(answers);
    answers.clear(); // each test answers for its own
    for (String answer : seen) {
      assertFalse(answer.toLowerCase().contains(SECRET), "the secret leaked: " + answer);
    }
    JsonNode slot = operator("eth_getStorageAt", Json.MAPPER.createArrayNode().add(vaultA).add(SLOT).add("latest"));
    assertTrue(slot.path("result").asText().endsWith(SECRET), slot.toString());

  }

  // ---- path 4: transactions are traced before they are sent ----

  @ParameterizedTest(name = "B's private transaction through its {0} toucher is refused, never sent")
  @ValueSource(strings = {"CALL", "CALLCODE", "DELEGATECALL", "STATICCALL", "EXTCODESIZE", "EXTCODECOPY", "BALANCE", "SELFDESTRUCT"})
  void aTransactionReachingAsVaultIsRefused(String touch) throws Exception {
    ArrayNode params = sendPrivate(touchers.get(touch), Contracts.store(SLOT, EVIL));
    assertRefused(http("eth_sendTransaction", params));
    assertRefused(ws("personal_sendTransaction", params.deepCopy().add("")));
    assertEquals(0, stack.node().requestCount("eth_sendTransaction"));
    assertEquals(0, stack.node().requestCount("personal_sendTransaction"));
  }

  @Test
  void aCreate2ThenCallIsRefusedInABatchWhileTheOwnCallProceeds() {
    String batch = "[" + Wire.call(1, "eth_sendTransaction", Json.string(sendPrivate(create2Reacher, Contracts.load(SLOT))))
        + "," + Wire.call(2, "eth_sendTransaction", Json.string(sendPrivate(vaultB, Contracts.store(SLOT, EVIL)))) + "]";
    JsonNode answer = json(record(stack.proxy().tenant(tokenB, batch).body()));
    assertRefused(answer.get(0));
    assertTrue(answer.get(1).path("result").isTextual(), answer.toString());
    assertEquals(1, stack.node().requestCount("eth_sendTransaction"), "only B's own transaction is sent");
  }

  @Test
  void aCreationWhoseConstructorReachesAsVaultIsRefused() {
    ObjectNode tx = Json.MAPPER.createObjectNode().put("from", ownerB.hex())
        .put("data", Contracts.constructorTouching("CALL", vaultA)).put("privateFrom", DevTessera.KB);
    tx.putArray("privateFor");
    assertRefused(http("eth_sendTransaction", Json.MAPPER.createArrayNode().add(tx)));
    assertEquals(0, stack.node().requestCount("eth_sendTransaction"));
  }

  @Test
  void creationsThatReachNothingAndOwnContractsStillWork() {
    ObjectNode create = Json.MAPPER.createObjectNode().put("from", ownerB.hex())
        .put("data", "0x6080604052cc").put("privateFrom", DevTessera.KB);
    create.putArray("privateFor");
    assertTrue(http("eth_sendTransaction", Json.MAPPER.createArrayNode().add(create)).path("result").isTextual());
    assertTrue(http("eth_sendTransaction", sendPrivate(plainB, "0x01")).path("result").isTextual());
    ObjectNode toPublic = Json.MAPPER.createObjectNode().put("from", ownerB.hex()).put("to", publicPlain);
    assertTrue(http("eth_sendTransaction", Json.MAPPER.createArrayNode().add(toPublic)).path("result").isTextual());
    assertEquals(3, stack.node().requestCount("eth_sendTransaction"));
  }

  @Test
  void aPublicRawTransactionThroughAPublicReacherIsRefused() {
    String raw = Signed.legacy(Signed.BOB, publicReacher, Contracts.load(SLOT));
    assertRefused(http("eth_sendRawTransaction", Json.MAPPER.createArrayNode().add(raw)));
    assertEquals(0, stack.node().requestCount("eth_sendRawTransaction"));
  }

  @Test
  void aRawPrivateTransactionIsTracedWithThePayloadTesseraHolds() {
    byte[] payload = HexFormat.of().parseHex(Contracts.store(SLOT, EVIL).substring(2));
    PayloadHash hash = chain.tessera().storeRaw(payload, DevTessera.KB);
    String raw = Signed.privately(Signed.BOB, touchers.get("DELEGATECALL"), hash.hex());
    ObjectNode args = Json.MAPPER.createObjectNode();
    args.putArray("privateFor");
    assertRefused(http("eth_sendRawPrivateTransaction", Json.MAPPER.createArrayNode().add(raw).add(args)));
    assertRefused(http("eth_distributePrivateTransaction", Json.MAPPER.createArrayNode().add(raw).add(args)));
    assertEquals(0, stack.node().requestCount("eth_sendRawPrivateTransaction"));
    assertEquals(0, stack.node().requestCount("eth_distributePrivateTransaction"));
    PayloadHash own = chain.tessera().storeRaw(payload, DevTessera.KB);
    String toOwn = Signed.privately(Signed.BOB, vaultB, own.hex());
    JsonNode sent = http("eth_sendRawPrivateTransaction", Json.MAPPER.createArrayNode().add(toOwn).add(args));
    assertTrue(sent.path("result").isTextual(), sent.toString());
  }

  // ---- path 3: traces of one's own mined transaction ----

  @Test
  void aTraceOfBsOwnTransactionThatReachedAsVaultIsRefused() throws Exception {
    MinedTransaction mined = chain.mineTransaction(privately(
        TransactionRequest.call(ownerB, Address.of(touchers.get("CALL")), Contracts.load(SLOT)), DevTessera.KB));
    stack.awaitIndexed();
    String hash = mined.transaction().hash().hex();
    JsonNode operatorView = operator("debug_traceTransaction", traceArgs(hash, "callTracer"));
    assertTrue(operatorView.toString().contains(SECRET), "the attack reached A's secret on the node");
    for (String tracer : new String[] {"callTracer", "prestateTracer"}) {
      assertRefused(http("debug_traceTransaction", traceArgs(hash, tracer)));
      assertRefused(ws("debug_traceTransaction", traceArgs(hash, tracer)));
    }
  }

  @Test
  void aTraceOfBsOwnTransactionToItsOwnVaultIsServed() throws Exception {
    MinedTransaction mined = chain.mineTransaction(privately(
        TransactionRequest.call(ownerB, Address.of(vaultB), Contracts.load(SLOT)), DevTessera.KB));
    stack.awaitIndexed();
    JsonNode trace = http("debug_traceTransaction", traceArgs(mined.transaction().hash().hex(), "callTracer"));
    assertEquals(vaultB, trace.path("result").path("to").asText(), trace.toString());
  }

  @Test
  void inOneBatchTheTraceAndTheOverrideAreRefusedAndTheOwnCallAnswered() throws Exception {
    MinedTransaction mined = chain.mineTransaction(privately(
        TransactionRequest.call(ownerB, Address.of(touchers.get("STATICCALL")), Contracts.load(SLOT)), DevTessera.KB));
    stack.awaitIndexed();
    ObjectNode overrides = Json.MAPPER.createObjectNode();
    overrides.putObject(plainB).put("code", Contracts.toucher("DELEGATECALL", vaultA));
    String batch = "["
        + Wire.call(1, "debug_traceTransaction", Json.string(traceArgs(mined.transaction().hash().hex(), "callTracer"))) + ","
        + Wire.call(2, "eth_call", Json.string(Json.MAPPER.createArrayNode().add(call(plainB, Contracts.load(SLOT))).add("latest").add(overrides))) + ","
        + Wire.call(3, "eth_call", Json.string(Json.MAPPER.createArrayNode().add(call(vaultB, Contracts.load(SLOT))).add("latest"))) + "]";
    JsonNode http = json(record(stack.proxy().tenant(tokenB, batch).body()));
    WsClient client = WsClient.connect(stack.proxy().url(), "Authorization", "Bearer " + tokenB);
    JsonNode ws;
    try {
      ws = client.call(batch);
      record(ws.toString());
    } finally {
      client.close();
    }
    for (JsonNode answer : new JsonNode[] {http, ws}) {
      assertRefused(answer.get(0));
      assertRefused(answer.get(1));
      assertTrue(answer.get(2).path("result").isTextual(), answer.toString());
    }
  }

  @Test
  void blockTracesStayRefused() {
    assertRefused(http("debug_traceBlockByNumber", Json.MAPPER.createArrayNode().add("latest")));
  }

  // ---- path 6: state overrides ----

  @Test
  void anOverrideGivingBsContractCodeThatCallsAsVaultIsRefused() throws Exception {
    ObjectNode overrides = Json.MAPPER.createObjectNode();
    overrides.putObject(plainB).put("code", Contracts.toucher("CALL", vaultA));
    ArrayNode params = Json.MAPPER.createArrayNode().add(call(plainB, Contracts.load(SLOT))).add("latest").add(overrides);
    assertRefused(http("eth_call", params));
    assertRefused(ws("eth_call", params));
    ObjectNode config = Json.MAPPER.createObjectNode().put("tracer", "callTracer");
    config.set("stateOverrides", overrides);
    assertRefused(http("debug_traceCall", Json.MAPPER.createArrayNode().add(call(plainB, Contracts.load(SLOT))).add("latest").add(config)));
    assertEquals(0, stack.node().requestCount("eth_call"));
  }

  @Test
  void anOverrideNamingAsVaultIsRefusedWhateverItOverrides() throws Exception {
    for (String field : new String[] {"code", "stateDiff", "balance"}) {
      ObjectNode overrides = Json.MAPPER.createObjectNode();
      ObjectNode account = overrides.putObject(vaultA.toUpperCase().replace("0X", "0x"));
      switch (field) {
        case "code" -> account.put("code", Contracts.vault());
        case "stateDiff" -> account.putObject("stateDiff").put("0x" + "00".repeat(31) + "08", EVIL);
        default -> account.put("balance", "0x1");
      }
      ArrayNode params = Json.MAPPER.createArrayNode().add(call(vaultB, Contracts.load(SLOT))).add("latest").add(overrides);
      assertRefused(http("eth_call", params));
    }
    assertEquals(0, stack.node().requestCount("eth_call"));
    assertEquals(0, stack.node().requestCount("debug_traceCall"), "refused before any trace");
  }

  @Test
  void anOverrideOfBsOwnContractIsApplied() {
    ObjectNode overrides = Json.MAPPER.createObjectNode();
    overrides.putObject(plainB).put("code", Contracts.vault())
        .putObject("stateDiff").put("0x" + "00".repeat(31) + "07", EVIL);
    JsonNode answer = http("eth_call", Json.MAPPER.createArrayNode().add(call(plainB, Contracts.load(SLOT))).add("latest").add(overrides));
    assertEquals(EVIL, answer.path("result").asText(), answer.toString());
  }

  @ParameterizedTest(name = "an eth_call through B's {0} toucher is refused")
  @ValueSource(strings = {"CALL", "DELEGATECALL", "STATICCALL", "EXTCODECOPY", "BALANCE", "SELFDESTRUCT"})
  void aCallThroughEachToucherIsRefused(String touch) {
    assertRefused(http("eth_call", Json.MAPPER.createArrayNode().add(call(touchers.get(touch), Contracts.load(SLOT))).add("latest")));
    assertEquals(0, stack.node().requestCount("eth_call"));
  }

  // ---- helpers ----

  private ObjectNode call(String to, String data) {
    return Json.MAPPER.createObjectNode().put("from", ownerB.hex()).put("to", to).put("data", data);
  }

  private ArrayNode sendPrivate(String to, String data) {
    ObjectNode tx = Json.MAPPER.createObjectNode().put("from", ownerB.hex()).put("to", to)
        .put("data", data).put("privateFrom", DevTessera.KB);
    tx.putArray("privateFor");
    return Json.MAPPER.createArrayNode().add(tx);
  }

  private static ArrayNode traceArgs(String hash, String tracer) {
    ArrayNode params = Json.MAPPER.createArrayNode().add(hash);
    params.addObject().put("tracer", tracer);
    return params;
  }

  private JsonNode http(String method, ArrayNode params) {
    return json(record(stack.proxy().tenant(tokenB, Wire.call(1, method, Json.string(params))).body()));
  }

  private JsonNode ws(String method, ArrayNode params) throws Exception {
    WsClient client = WsClient.connect(stack.proxy().url(), "Authorization", "Bearer " + tokenB);
    try {
      JsonNode answer = client.call(Wire.call(7, method, Json.string(params)));
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

  private JsonNode operator(String method, ArrayNode params) {
    return json(stack.proxy().operator(Wire.call(1, method, Json.string(params))).body());
  }

  private String record(String answer) {
    answers.add(answer);
    return answer;
  }

  private static void assertRefused(JsonNode answer) {
    assertEquals("not authorized", answer.path("error").path("message").asText(), answer.toString());
    assertFalse(answer.has("result"), answer.toString());
  }

  private String createPrivate(Address from, String key, String code) {
    return create(privately(TransactionRequest.create(from, code), key));
  }

  private String create(TransactionRequest request) {
    MinedTransaction mined = chain.mineTransaction(request);
    return Contracts.createdBy(mined.transaction().from().hex(), mined.transaction().nonce());
  }

  private static TransactionRequest privately(TransactionRequest request, String key) {
    return request.withPrivacy(PrivacyRequest.local(key, List.of(), 0));
  }
}
