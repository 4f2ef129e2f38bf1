package dev.scopegate.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.scopegate.testing.NonPartyNode;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import dev.scopegate.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every guarded method that can reach private state, as tenant A's attack on tenant B: B's
 * private vault holds a secret in slot 7, B's private transaction wrote it (so B's payload, logs,
 * receipt and traces carry it too), and B acts as its own node account. A (its own key and
 * account only) sends each method at B's contract, transaction, payload, block or account, over
 * HTTP, over WebSocket and inside a batch beside an allowed call.
 *
 * <p>Expected: {@code denied} is {@code not authorized} and the node never asked for the method;
 * {@code nonparty} is what a node holding only A's key answers ({@link NonPartyNode}, asked the
 * same call; block hashes, which differ between the two chains, left out); {@code null} a null
 * result; {@code accountsOfA} A's account and no other. Whatever the row, B's secret is in no
 * answer A gets. Filters and log subscriptions, which take several calls, have their own tests.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuardedMethodsAttackTest {
  private static final String SLOT = "0x" + "00".repeat(31) + "07";
  private static final String SECRET = "5ec2e7" + "ef".repeat(29);
  private static final String EVIL = "0x" + "ee".repeat(32);

  private Stack stack;
  private Chain chain;
  private NonPartyNode nonParty;
  private String tokenA;
  private WsClient socket;
  private final Map<String, String> values = new LinkedHashMap<>();

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    chain = node.chain();
    Address ownerA = chain.accounts().get(0);
    Address ownerB = chain.accounts().get(1);
    String vaultB = createPrivate(ownerB, DevTessera.KB, Contracts.vault());
    MinedTransaction storeB = chain.mineTransaction(privately(
        TransactionRequest.call(ownerB, Address.of(vaultB), Contracts.store(SLOT, SECRET)), DevTessera.KB));
    String ownA = createPrivate(ownerA, DevTessera.KA, Contracts.vault());
    String publicReacher = create(TransactionRequest.create(ownerA, Contracts.toucher("CALL", vaultB)));
    nonParty = NonPartyNode.start(vertx, node, DevNodeOptions.defaults(), DevTessera.KA);

    values.put("$vaultB", vaultB);
    values.put("$storeB", storeB.transaction().hash().hex());
    values.put("$payloadB", storeB.transaction().input());
    values.put("$blockB", "0x" + Long.toHexString(storeB.block().number()));
    values.put("$blockHashB", storeB.block().hash().hex());
    values.put("$ownerA", ownerA.hex());
    values.put("$ownerB", ownerB.hex());
    values.put("$ownA", ownA);
    values.put("$KA", DevTessera.KA);
    values.put("$KB", DevTessera.KB);
    values.put("$loadB", "{\"from\":\"" + ownerA.hex() + "\",\"to\":\"" + vaultB + "\",\"data\":\"" + Contracts.load(SLOT) + "\"}");
    values.put("$storeToB", "{\"from\":\"" + ownerA.hex() + "\",\"to\":\"" + vaultB + "\",\"data\":\""
        + Contracts.store(SLOT, EVIL) + "\",\"privateFrom\":\"" + DevTessera.KA + "\",\"privateFor\":[]}");
    values.put("$asB", "{\"from\":\"" + ownerB.hex() + "\",\"to\":\"" + ownA + "\",\"data\":\"0x01\""
        + ",\"gas\":\"0x100000\",\"gasPrice\":\"0x0\",\"nonce\":\"0x0\"}");
    values.put("$rawPublic", Signed.legacy(Signed.ALICE, publicReacher, Contracts.store(SLOT, EVIL)));
    byte[] evil = HexFormat.of().parseHex(Contracts.store(SLOT, EVIL).substring(2));
    values.put("$rawPrivate", Signed.privately(Signed.ALICE, vaultB, chain.tessera().storeRaw(evil, DevTessera.KA).hex()));

    stack = Stack.start(vertx, node, c -> TestConfigs.withUpstreamWs(c, node.wsUrl()));
    stack.awaitIndexed();
    tokenA = stack.token("rpc://", TenantScopes.grant(ownerA.hex(), "_", DevTessera.KA));
    socket = WsClient.connect(stack.proxy().url(), "Authorization", "Bearer " + tokenA);
  }

  @AfterAll
  void stop() throws Exception {
    socket.close();
    nonParty.close();
    stack.close();
  }

  @BeforeEach
  void resetCounts() {
    stack.node().resetRequestCounts();
  }

  /** method | params ($names filled in) | expected. */
  private static final String[] ROWS = {
    // B's contract: state
    "eth_getStorageAt | [\"$vaultB\",\"0x7\",\"latest\"] | nonparty",
    "eth_getCode | [\"$vaultB\",\"latest\"] | nonparty",
    "eth_getBalance | [\"$vaultB\",\"latest\"] | nonparty",
    "eth_getTransactionCount | [\"$vaultB\",\"latest\"] | nonparty",
    "eth_getProof | [\"$vaultB\",[\"0x7\"],\"latest\"] | denied",
    "eth_storageRoot | [\"$vaultB\",\"latest\"] | nonparty",
    "eth_getContractPrivacyMetadata | [\"$vaultB\"] | nonparty",
    // B's contract: executions
    "eth_call | [$loadB,\"latest\"] | denied",
    "eth_estimateGas | [$loadB,\"latest\"] | denied",
    "eth_createAccessList | [$loadB,\"latest\"] | denied",
    "debug_traceCall | [$loadB,\"latest\",{\"tracer\":\"callTracer\"}] | denied",
    "trace_call | [$loadB,[\"trace\"],\"latest\"] | denied",
    "trace_callMany | [[[$loadB,[\"trace\"]]],\"latest\"] | denied",
    "eth_callMany | [[{\"transactions\":[$loadB]}],{\"blockNumber\":\"latest\"}] | denied",
    "eth_simulateV1 | [{\"blockStateCalls\":[{\"calls\":[$loadB]}]},\"latest\"] | denied",
    "eth_callBundle | [{\"txs\":[\"$rawPublic\"],\"blockNumber\":\"$blockB\"}] | denied",
    // B's transaction, payload and block
    "eth_getTransactionReceipt | [\"$storeB\"] | nonparty",
    "eth_getBlockReceipts | [\"$blockB\"] | nonparty",
    "eth_getPrivateTransactionReceipt | [\"$storeB\"] | null",
    "eth_getPrivateTransactionByHash | [\"$storeB\"] | null",
    "eth_getQuorumPayload | [\"$payloadB\"] | nonparty",
    "eth_getQuorumPayloadExtra | [\"$payloadB\"] | denied",
    "eth_decryptQuorumPayload | [\"$payloadB\"] | denied",
    "eth_getLogs | [{\"fromBlock\":\"0x0\",\"address\":\"$vaultB\"}] | nonparty",
    "eth_getLogs | [{\"fromBlock\":\"$blockB\",\"toBlock\":\"$blockB\"}] | nonparty",
    "debug_traceTransaction | [\"$storeB\",{\"tracer\":\"callTracer\"}] | denied",
    "trace_transaction | [\"$storeB\"] | denied",
    "trace_replayTransaction | [\"$storeB\",[\"trace\"]] | denied",
    "trace_get | [\"$storeB\",[\"0x0\"]] | denied",
    "debug_traceBlockByNumber | [\"$blockB\"] | denied",
    "debug_traceBlockByHash | [\"$blockHashB\"] | denied",
    "debug_traceBlock | [\"0xc0\"] | denied",
    "trace_block | [\"$blockB\"] | denied",
    "trace_replayBlockTransactions | [\"$blockB\",[\"trace\"]] | denied",
    "trace_filter | [{\"fromBlock\":\"0x0\",\"toAddress\":[\"$vaultB\"]}] | denied",
    "trace_rawTransaction | [\"$rawPublic\",[\"trace\"]] | denied",
    // writes to B's contract
    "eth_sendTransaction | [$storeToB] | denied",
    "personal_sendTransaction | [$storeToB,\"\"] | denied",
    "personal_signAndSendTransaction | [$storeToB,\"\"] | denied",
    "eth_sendTransactionAsync | [$storeToB] | denied",
    "eth_sendRawTransaction | [\"$rawPublic\"] | denied",
    "eth_sendRawPrivateTransaction | [\"$rawPrivate\",{\"privateFor\":[]}] | denied",
    "eth_distributePrivateTransaction | [\"$rawPrivate\",{\"privateFor\":[]}] | denied",
    "quorumExtension_extendContract | [\"$vaultB\",\"$KA\",\"$ownerA\",{\"from\":\"$ownerA\",\"privateFor\":[\"$KB\"]}] | denied",
    "quorumExtension_approveExtension | [\"$vaultB\",true,{\"from\":\"$ownerA\",\"privateFor\":[\"$KB\"]}] | denied",
    "quorumExtension_cancelExtension | [\"$vaultB\",{\"from\":\"$ownerA\",\"privateFor\":[\"$KB\"]}] | denied",
    "quorumExtension_generateExtensionApprovalUuid | [\"$vaultB\",\"$ownerA\",{\"from\":\"$ownerA\",\"privateFor\":[\"$KB\"]}] | denied",
    "quorumExtension_getExtensionStatus | [\"$vaultB\"] | denied",
    "quorumExtension_activeExtensionContracts | [] | denied",
    "eth_pendingTransactions | [] | denied",
    "eth_getPSI | [] | denied",
    // B's account
    "eth_sendTransaction | [$asB] | denied",
    // fills an unsigned transaction from the account's public nonce: signs and sends nothing
    "eth_fillTransaction | [$asB] | nonparty",
    "eth_signTransaction | [$asB] | denied",
    "personal_signTransaction | [$asB,\"\"] | denied",
    "eth_sign | [\"$ownerB\",\"0xdead\"] | denied",
    "personal_sign | [\"0xdead\",\"$ownerB\",\"\"] | denied",
    "eth_resend | [$asB,\"0x1\",\"0x100000\"] | denied",
    "eth_accounts | [] | accountsOfA",
    "personal_listAccounts | [] | accountsOfA",
  };

  static Stream<Arguments> rows() {
    return Arrays.stream(ROWS).flatMap(row -> {
      String[] c = row.split(" \\| ");
      return Stream.of("http", "ws", "batch").map(t -> Arguments.of(t, c[0], c[1], c[2]));
    });
  }

  @ParameterizedTest(name = "{0}: A's {1} {2} -> {3}")
  @MethodSource("rows")
  void attack(String transport, String method, String paramsTemplate, String expected) throws Exception {
    String params = fill(paramsTemplate);
    JsonNode answer = switch (transport) {
      case "http" -> http(Wire.call(1, method, params));
      case "ws" -> socket.call(Wire.call(2, method, params));
      default -> {
        JsonNode batch = http("[" + Wire.call(3, method, params) + ","
            + Wire.call(4, "eth_getCode", "[\"" + values.get("$ownA") + "\",\"latest\"]") + "]");
        assertEquals(Contracts.vault(), batch.get(1).path("result").asText(), "the allowed call in the batch: " + batch);
        yield batch.get(0);
      }
    };
    assertFalse(answer.toString().toLowerCase().contains(SECRET), "B's secret leaked: " + answer);
    assertEquals(expected, outcome(method, params, answer), answer.toString());
    if (expected.equals("denied")) {
      assertEquals(0, stack.node().requestCount(method), method + " reached the node");
    }
  }

  @Test
  void theSecretIsWhereBPutIt() {
    JsonNode slot = Wire.json(stack.proxy().operator(
        Wire.call(1, "eth_getStorageAt", "[\"" + values.get("$vaultB") + "\",\"0x7\",\"latest\"]")));
    assertEquals("0x" + SECRET, slot.path("result").asText(), "the operator sees it: the rows can leak it");
  }

  @Test
  void aFilterOverBsContractGetsWhatANonPartyNodeLogs() throws Exception {
    String criteria = "[{\"fromBlock\":\"0x0\",\"address\":\"" + values.get("$vaultB") + "\"}]";
    JsonNode expected = strip(nonParty.answer("eth_getLogs", criteria).get("result"));
    for (boolean overWs : new boolean[] {false, true}) {
      JsonNode id = call(overWs, "eth_newFilter", criteria).get("result");
      JsonNode logs = call(overWs, "eth_getFilterLogs", "[" + id + "]");
      JsonNode changes = call(overWs, "eth_getFilterChanges", "[" + id + "]");
      JsonNode uninstalled = call(overWs, "eth_uninstallFilter", "[" + id + "]");
      for (JsonNode answer : List.of(logs, changes, uninstalled)) {
        assertFalse(answer.toString().toLowerCase().contains(SECRET), "B's secret leaked: " + answer);
      }
      assertEquals(expected, strip(logs.get("result")), logs.toString());
      assertTrue(uninstalled.path("result").asBoolean(), uninstalled.toString());
    }
  }

  @Test
  void aSubscriptionToBsContractCarriesNothingOfB() throws Exception {
    WsClient a = WsClient.connect(stack.proxy().url(), "Authorization", "Bearer " + tokenA);
    try {
      String own = "{\"address\":[\"" + values.get("$vaultB") + "\",\"" + values.get("$ownA") + "\"]}";
      String toB = a.call(Wire.call(1, "eth_subscribe", "[\"logs\",{\"address\":\"" + values.get("$vaultB") + "\"}]"))
          .get("result").asText();
      String both = a.call(Wire.call(2, "eth_subscribe", "[\"logs\"," + own + "]")).get("result").asText();
      String all = a.call(Wire.call(3, "eth_subscribe", "[\"logs\",{}]")).get("result").asText();
      Address ownerA = Address.of(values.get("$ownerA"));
      Address ownerB = Address.of(values.get("$ownerB"));
      chain.mineTransaction(privately(TransactionRequest.call(
          ownerB, Address.of(values.get("$vaultB")), Contracts.store(SLOT, SECRET)), DevTessera.KB));
      String mine = chain.mineTransaction(privately(TransactionRequest.call(
          ownerA, Address.of(values.get("$ownA")), Contracts.store(SLOT, EVIL)), DevTessera.KA))
          .transaction().hash().hex();
      nonParty.catchUp(); // the rows compare with it: it follows what this test mined
      List<String> seen = new ArrayList<>();
      for (int i = 0; i < 2; i++) { // A's own log, once per subscription that matches it: both and all
        JsonNode note = a.notification();
        assertFalse(note.toString().toLowerCase().contains(SECRET), "B's secret leaked: " + note);
        assertEquals(mine, note.path("params").path("result").path("transactionHash").asText(),
            "A's own log is the first A gets: B's, mined before it, was not sent: " + note);
        seen.add(note.path("params").path("subscription").asText());
      }
      assertEquals(Set.of(both, all), Set.copyOf(seen), "toB got nothing before A's own log");
      JsonNode unsubscribed = a.call(Wire.call(4, "eth_unsubscribe", "[\"" + toB + "\"]"));
      assertTrue(unsubscribed.path("result").asBoolean(), unsubscribed.toString());
    } finally {
      a.close();
    }
  }

  // ---- helpers ----

  private String outcome(String method, String params, JsonNode answer) {
    if (answer.path("error").path("message").asText().equals("not authorized")) {
      return "denied";
    }
    JsonNode truth = nonParty.answer(method, params);
    JsonNode own = answer.has("error") ? answer.get("error") : answer.get("result");
    JsonNode theirs = truth.has("error") ? truth.get("error") : truth.get("result");
    if (own != null && theirs != null && strip(own).equals(strip(theirs))) {
      return "nonparty";
    }
    if (own != null && own.isNull()) {
      return "null";
    }
    if (own != null && own.isArray() && own.size() == 1 && own.get(0).asText().equals(values.get("$ownerA"))) {
      return "accountsOfA";
    }
    return "other";
  }

  private JsonNode call(boolean overWs, String method, String params) throws Exception {
    String body = Wire.call(5, method, params);
    return overWs ? socket.call(body) : http(body);
  }

  /** A copy without block hashes: the non-party node's chain has its own. */
  private static JsonNode strip(JsonNode node) {
    JsonNode copy = node.deepCopy();
    removeBlockHashes(copy);
    return copy;
  }

  private static void removeBlockHashes(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove("blockHash");
    }
    node.forEach(GuardedMethodsAttackTest::removeBlockHashes);
  }

  private String fill(String template) {
    String out = template;
    for (Map.Entry<String, String> v : values.entrySet()) {
      out = out.replace(v.getKey(), v.getValue());
    }
    return out;
  }

  private JsonNode http(String body) {
    return Wire.json(stack.proxy().tenant(tokenA, body));
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
