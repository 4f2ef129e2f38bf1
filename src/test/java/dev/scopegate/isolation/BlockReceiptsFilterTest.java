package dev.scopegate.isolation;

import dev.scopegate.isolation.filter.BlockReceiptsFilter;
import dev.scopegate.isolation.filter.LogsBloom;
import dev.scopegate.isolation.filter.ReceiptFilter;
import static dev.scopegate.isolation.Logs.FOREIGN;
import static dev.scopegate.isolation.Logs.OURS;
import static dev.scopegate.isolation.Logs.TRANSFER;
import static dev.scopegate.isolation.Logs.TX;
import static dev.scopegate.isolation.Tenants.KEY_A;
import static dev.scopegate.isolation.Tenants.KEY_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.upstream.Answer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** eth_getBlockReceipts: each receipt of the block as eth_getTransactionReceipt shows it, in order. */
class BlockReceiptsFilterTest {
  private static final String OTHER_TX = "0x" + "ab".repeat(32);
  private static final Principal ALICE = Tenants.tenant("alice", KEY_A);

  private final FakeFacts facts = new FakeFacts();
  private final BlockReceiptsFilter filter = new BlockReceiptsFilter(new ReceiptFilter(facts));

  private static ObjectNode receipt(String hash, JsonNode... logs) {
    ObjectNode receipt = Json.MAPPER.createObjectNode()
        .put("blockNumber", "0x7").put("status", "0x1").put("transactionHash", hash);
    receipt.set("logs", Logs.list(logs));
    receipt.put("logsBloom", LogsBloom.of(List.of(logs)));
    return receipt;
  }

  private static ObjectNode inOther(ObjectNode log) {
    return log.put("transactionHash", OTHER_TX);
  }

  private JsonNode filtered(JsonNode receipts) throws Exception {
    RpcRequest request = new RpcRequest(Optional.empty(), "eth_getBlockReceipts",
        Optional.of(Json.MAPPER.createArrayNode().add("0x7")));
    return Completed.value(filter.filter(ALICE, request, new Answer(receipts, null))).result();
  }

  @Test
  void aForeignPrivateTransactionsReceiptIsBlankedAndForeignLogsDropped() throws Exception {
    facts.privateTransaction(TX, KEY_B);
    // a transaction private to both: what it logged in B's contract is still B's alone
    facts.privateTransaction(OTHER_TX, KEY_A, KEY_B);
    facts.privateContract(FOREIGN, KEY_B).privateContract(OURS, KEY_A);
    ArrayNode block = Json.MAPPER.createArrayNode()
        .add(receipt(TX, Logs.log(FOREIGN, 7, 0, TRANSFER)))
        .add(receipt(OTHER_TX, inOther(Logs.log(OURS, 7, 1, TRANSFER)), inOther(Logs.log(FOREIGN, 7, 2, TRANSFER))));

    JsonNode shown = filtered(block);

    assertEquals(2, shown.size());
    assertEquals(TX, shown.get(0).path("transactionHash").asText());
    assertEquals(0, shown.get(0).path("logs").size());
    assertEquals(OTHER_TX, shown.get(1).path("transactionHash").asText());
    assertEquals(1, shown.get(1).path("logs").size());
    assertEquals(OURS, shown.get(1).path("logs").get(0).path("address").asText());
    assertFalse(shown.toString().contains(FOREIGN.substring(2)), "the foreign contract appears nowhere");
  }

  @Test
  void anUnknownBlockPasses() throws Exception {
    assertTrue(filtered(NullNode.getInstance()).isNull());
  }
}
