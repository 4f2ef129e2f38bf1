package dev.scopegate.isolation;

import dev.scopegate.isolation.filter.LogsBloom;
import dev.scopegate.isolation.filter.ReceiptFilter;
import static dev.scopegate.isolation.Logs.FOREIGN;
import static dev.scopegate.isolation.Logs.OURS;
import static dev.scopegate.isolation.Logs.PUBLIC;
import static dev.scopegate.isolation.Logs.TRANSFER;
import static dev.scopegate.isolation.Logs.TX;
import static dev.scopegate.isolation.Tenants.KEY_A;
import static dev.scopegate.isolation.Tenants.KEY_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.upstream.Answer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReceiptFilterTest {
  private static final String CREATED = "0x1932c48b2bf8102ba33b4a6b545c32236e342f34";
  private static final String MARKER = "0xcb1f39245a88d5be49dca35e1a34a11f98bcb825ea4aa70829923ff5404c8a82";
  private static final Principal ALICE = Tenants.tenant("alice", KEY_A);

  private final FakeFacts facts = new FakeFacts();
  private final ReceiptFilter filter = new ReceiptFilter(facts);

  private static ObjectNode receipt(String hash, JsonNode... logs) {
    ObjectNode receipt = Json.MAPPER.createObjectNode()
        .put("blockHash", "0x9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b")
        .put("blockNumber", "0x7")
        .put("contractAddress", CREATED)
        .put("cumulativeGasUsed", "0x5208")
        .put("from", "0xed9d02e382b34818e88b88a309c7fe71e65f419d")
        .put("gasUsed", "0x5208")
        .put("status", "0x0")
        .put("revertReason", "0x08c379a0")
        .putNull("to")
        .put("transactionHash", hash)
        .put("transactionIndex", "0x0");
    receipt.set("logs", Logs.list(logs));
    receipt.put("logsBloom", LogsBloom.of(List.of(logs)));
    return receipt;
  }

  private static RpcRequest request(String method, String hash) {
    return new RpcRequest(Optional.empty(), method, Optional.of(Logs.list(Json.MAPPER.valueToTree(hash))));
  }

  private Answer filtered(String method, String hash, JsonNode receipt) throws Exception {
    return Completed.value(filter.filter(ALICE, request(method, hash), new Answer(receipt, null)));
  }

  @Test
  void nonPartyReceiptLooksAsOnANonPartyNode() throws Exception {
    facts.privateTransaction(TX, KEY_B);
    ObjectNode node = receipt(TX, Logs.log(FOREIGN, 7, 0, TRANSFER));

    JsonNode shown = filtered("eth_getTransactionReceipt", TX, node).result();

    assertEquals("0x1", shown.path("status").textValue());
    assertEquals(0, shown.path("logs").size());
    assertTrue(shown.path("logs").isArray());
    assertEquals("0x" + "0".repeat(512), shown.path("logsBloom").textValue());
    assertEquals(CREATED, shown.path("contractAddress").textValue());
    assertFalse(shown.has("revertReason"));
    assertEquals("0x7", shown.path("blockNumber").textValue());
    assertEquals("0x5208", shown.path("gasUsed").textValue());
    assertEquals(TX, shown.path("transactionHash").textValue());
    assertEquals(Map.of(), facts.contractLookups, "no contract is asked about for a blanked receipt");
    assertEquals("0x0", node.path("status").textValue(), "the node's answer is not modified in place");
  }

  @Test
  void partyReceiptLosesForeignLogsAndTheirBloomBits() throws Exception {
    facts.privateTransaction(TX, KEY_A, KEY_B)
        .privateContract(OURS, KEY_A)
        .privateContract(FOREIGN, KEY_B)
        .publicContract(PUBLIC);
    String foreignTopic = "0x000000000000000000000000000000000000000000000000000000000000beef";
    JsonNode ours = Logs.log(OURS, 7, 0, TRANSFER);
    JsonNode foreign = Logs.log(FOREIGN, 7, 1, foreignTopic);
    JsonNode open = Logs.log(PUBLIC, 7, 2);
    ObjectNode node = receipt(TX, ours, foreign, open);
    assertTrue(Logs.bloomHas(node.path("logsBloom").textValue(), FOREIGN), "precondition");

    JsonNode shown = filtered("eth_getTransactionReceipt", TX, node).result();

    assertEquals(Logs.list(ours, open), shown.path("logs"));
    String bloom = shown.path("logsBloom").textValue();
    assertEquals(Logs.web3jBloom(List.of(ours, open)), bloom);
    assertTrue(Logs.bloomHas(bloom, OURS));
    assertTrue(Logs.bloomHas(bloom, TRANSFER));
    assertTrue(Logs.bloomHas(bloom, PUBLIC));
    assertFalse(Logs.bloomHas(bloom, FOREIGN));
    assertFalse(Logs.bloomHas(bloom, foreignTopic));
    assertEquals("0x0", shown.path("status").textValue(), "a party sees the real status");
    assertEquals("0x08c379a0", shown.path("revertReason").textValue());
    assertEquals(Map.of(OURS, 1, FOREIGN, 1, PUBLIC, 1), facts.contractLookups);
    assertEquals(7L, facts.blockAsked.get(FOREIGN));
  }

  @Test
  void publicReceiptIsUntouched() throws Exception {
    facts.publicContract(PUBLIC);
    Answer answer = new Answer(receipt(TX, Logs.log(PUBLIC, 7, 0, TRANSFER), Logs.log(PUBLIC, 7, 1)), null);

    Answer shown = Completed.value(filter.filter(ALICE, request("eth_getTransactionReceipt", TX), answer));

    assertSame(answer, shown);
    assertEquals(Map.of(PUBLIC, 1), facts.contractLookups, "one lookup for two logs of one contract");
  }

  @Test
  void bloomIsKeptAsTheNodeSentItWhenNothingIsRemoved() throws Exception {
    facts.privateTransaction(TX, KEY_A).privateContract(OURS, KEY_A);
    ObjectNode node = receipt(TX, Logs.log(OURS, 7, 0));
    node.put("logsBloom", "0x" + "f".repeat(512));
    Answer answer = new Answer(node, null);

    assertSame(answer, Completed.value(filter.filter(ALICE, request("eth_getTransactionReceipt", TX), answer)));
  }

  @Test
  void receiptWithoutLogsPassesWithoutLookups() throws Exception {
    facts.privateTransaction(TX, KEY_A);
    Answer answer = new Answer(receipt(TX), null);

    assertSame(answer, Completed.value(filter.filter(ALICE, request("eth_getTransactionReceipt", TX), answer)));
    assertEquals(Map.of(), facts.contractLookups);
  }

  @Test
  void privateReceiptIsJudgedByTheMarkerHashAskedFor() throws Exception {
    facts.privateTransaction(MARKER, KEY_B);

    JsonNode shown =
        filtered("eth_getPrivateTransactionReceipt", MARKER, receipt(MARKER, Logs.log(FOREIGN, 7, 0))).result();

    assertEquals(0, shown.path("logs").size());
    assertEquals(LogsBloom.ZERO, shown.path("logsBloom").textValue());
  }

  @Test
  void unknownTransactionPassesAsNull() throws Exception {
    Answer answer = new Answer(NullNode.getInstance(), null);

    assertSame(answer, Completed.value(filter.filter(ALICE, request("eth_getTransactionReceipt", TX), answer)));
    assertEquals(0, facts.transactionLookups);
  }

  @Test
  void transactionWhosePartiesAreUnknownFailsRetriably() throws Exception {
    facts.unknownTransaction(TX);

    Completed.failsWith(RpcError.PRIVACY_UNAVAILABLE, filter.filter(
        ALICE, request("eth_getTransactionReceipt", TX), new Answer(receipt(TX, Logs.log(OURS, 7, 0)), null)));
  }

  @Test
  void logOfAContractWhosePartiesAreUnknownFailsTheReceipt() throws Exception {
    facts.privateTransaction(TX, KEY_A).privateContract(OURS, KEY_A); // FOREIGN: parties unknown
    Answer answer = new Answer(receipt(TX, Logs.log(OURS, 7, 0), Logs.log(FOREIGN, 7, 1)), null);

    var failure = Completed.failure(filter.filter(ALICE, request("eth_getTransactionReceipt", TX), answer));

    assertEquals(RpcError.PRIVACY_UNAVAILABLE, failure.error());
    assertEquals(-32000, failure.body().code());
    assertNotEquals(Optional.empty(), failure.data());
  }

  @Test
  void receiptThatIsNotAnObjectIsRefused() throws Exception {
    Completed.failsWith(RpcError.UPSTREAM_BAD_RESPONSE, filter.filter(
        ALICE, request("eth_getTransactionReceipt", TX), new Answer(Json.MAPPER.valueToTree("0x1"), null)));
  }
}
