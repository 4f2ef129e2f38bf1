package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlockQueryTest extends DevNodeTestBase {
  private String first;
  private String second;

  /** Block 1 holds two transfers (mined through the chain API), block 2 one creation. */
  @BeforeEach
  void mine() {
    Block block =
        node.chain()
            .mineBlock(
                List.of(
                    TransactionRequest.transfer(
                        Address.of(NODE1), Address.of(STRANGER), BigInteger.ONE),
                    TransactionRequest.transfer(
                        Address.of(NODE2), Address.of(STRANGER), BigInteger.TWO)));
    first = block.transactions().get(0).hash().hex();
    second = block.transactions().get(1).hash().hex();
    send("from", NODE3, "input", "0x60016002");
  }

  @Test
  void withoutFullTransactionsABlockListsHashes() {
    JsonNode block = client.result("eth_getBlockByNumber", "0x1", false);
    assertEquals(
        RpcClient.parse("[\"" + first + "\",\"" + second + "\"]"), block.get("transactions"));
    assertEquals("0xa410", block.get("gasUsed").asText()); // 2 * 21000
  }

  @Test
  void withFullTransactionsABlockListsTransactionObjects() {
    JsonNode txs = client.result("eth_getBlockByNumber", "0x1", true).get("transactions");
    assertEquals(2, txs.size());
    assertEquals(first, txs.get(0).get("hash").asText());
    assertEquals(NODE1, txs.get(0).get("from").asText());
    assertEquals("0x0", txs.get(0).get("transactionIndex").asText());
    assertEquals(second, txs.get(1).get("hash").asText());
    assertEquals("0x2", txs.get(1).get("value").asText());
    assertEquals("0x1", txs.get(1).get("transactionIndex").asText());
    assertEquals(client.result("eth_getTransactionByHash", second), txs.get(1));
  }

  @Test
  void receiptsInOneBlockAccumulateGas() {
    JsonNode receipt = client.result("eth_getTransactionReceipt", second);
    assertEquals("0x1", receipt.get("transactionIndex").asText());
    assertEquals("0x5208", receipt.get("gasUsed").asText());
    assertEquals("0xa410", receipt.get("cumulativeGasUsed").asText());
  }

  @Test
  void aBlockReadsTheSameByNumberByHashAndByTag() {
    JsonNode byNumber = client.result("eth_getBlockByNumber", "0x2", true);
    String hash = byNumber.get("hash").asText();
    assertEquals(byNumber, client.result("eth_getBlockByHash", hash, true));
    assertEquals(byNumber, client.result("eth_getBlockByNumber", "latest", true));
    assertEquals(byNumber, client.result("eth_getBlockByNumber", "pending", true));
    JsonNode parent = client.result("eth_getBlockByNumber", "0x1", false);
    assertEquals(parent.get("hash"), byNumber.get("parentHash"));
  }

  @Test
  void unknownBlocksAndTransactionsAreNull() {
    String unknown = "0x" + "cd".repeat(32);
    assertEquals(NullNode.getInstance(), client.result("eth_getBlockByNumber", "0x3", false));
    assertEquals(NullNode.getInstance(), client.result("eth_getBlockByHash", unknown, false));
    assertEquals(NullNode.getInstance(), client.result("eth_getTransactionByHash", unknown));
    assertEquals(NullNode.getInstance(), client.result("eth_getTransactionReceipt", unknown));
  }
}
