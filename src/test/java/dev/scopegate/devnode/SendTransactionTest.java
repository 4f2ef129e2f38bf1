package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ContractUtils;

class SendTransactionTest extends DevNodeTestBase {
  static final Instant NOW = Instant.parse("2021-03-01T12:00:00Z");
  static final String CODE = "0x6080604052348015600f57600080fd5b50";

  @Override
  DevNodeOptions options() {
    return DevNodeOptions.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void aTransferIsMinedIntoANewBlockAtOnce() {
    String hash = send("from", NODE1, "to", STRANGER, "value", "0x3e8");

    assertEquals("0x1", client.result("eth_blockNumber").asText());
    JsonNode block = client.result("eth_getBlockByNumber", "latest", false);
    assertEquals("0x1", block.get("number").asText());
    assertEquals(RpcClient.parse("[\"" + hash + "\"]"), block.get("transactions"));
    assertEquals(NODE1, block.get("miner").asText());
    assertEquals(hex(NOW.getEpochSecond()), block.get("timestamp").asText());
    assertEquals("0x5208", block.get("gasUsed").asText());
    JsonNode genesis = client.result("eth_getBlockByNumber", "0x0", false);
    assertEquals(genesis.get("hash"), block.get("parentHash"));
  }

  @Test
  void aTransferMovesValueAndBumpsTheSendersNonce() {
    send("from", NODE1, "to", STRANGER, "value", "0x3e8");

    assertEquals(GENESIS_BALANCE.subtract(BigInteger.valueOf(1000)), balance(NODE1, "latest"));
    assertEquals(BigInteger.valueOf(1000), balance(STRANGER, "latest"));
    assertEquals("0x1", client.result("eth_getTransactionCount", NODE1, "latest").asText());
    assertEquals("0x0", client.result("eth_getTransactionCount", STRANGER, "latest").asText());
  }

  @Test
  void theTransactionReadsBackWithItsBlockPosition() {
    String hash = send("from", NODE1, "to", STRANGER, "value", "0x3e8", "input", "0x0102");
    String blockHash = client.result("eth_getBlockByNumber", "0x1", false).get("hash").asText();

    JsonNode tx = client.result("eth_getTransactionByHash", hash);
    assertEquals(hash, tx.get("hash").asText());
    assertEquals(blockHash, tx.get("blockHash").asText());
    assertEquals("0x1", tx.get("blockNumber").asText());
    assertEquals("0x0", tx.get("transactionIndex").asText());
    assertEquals(NODE1, tx.get("from").asText());
    assertEquals(STRANGER, tx.get("to").asText());
    assertEquals("0x3e8", tx.get("value").asText());
    assertEquals("0x0", tx.get("nonce").asText());
    assertEquals("0x0102", tx.get("input").asText());
    assertEquals("0x0", tx.get("gasPrice").asText());
    assertEquals(hex(21_000 + 16 + 16), tx.get("gas").asText());
    String v = tx.get("v").asText();
    assertTrue(v.equals("0xa95") || v.equals("0xa96"), v); // EIP-155 for chain 1337
    assertTrue(tx.get("r").asText().startsWith("0x") && tx.get("s").asText().length() > 3);
  }

  @Test
  void theReceiptRecordsSuccessAndGas() {
    String hash = send("from", NODE1, "to", STRANGER, "value", "0x3e8");
    String blockHash = client.result("eth_getBlockByNumber", "0x1", false).get("hash").asText();

    JsonNode receipt = client.result("eth_getTransactionReceipt", hash);
    assertEquals(hash, receipt.get("transactionHash").asText());
    assertEquals(blockHash, receipt.get("blockHash").asText());
    assertEquals("0x1", receipt.get("blockNumber").asText());
    assertEquals("0x0", receipt.get("transactionIndex").asText());
    assertEquals(NODE1, receipt.get("from").asText());
    assertEquals(STRANGER, receipt.get("to").asText());
    assertEquals("0x1", receipt.get("status").asText());
    assertEquals("0x5208", receipt.get("gasUsed").asText());
    assertEquals("0x5208", receipt.get("cumulativeGasUsed").asText());
    assertEquals(NullNode.getInstance(), receipt.get("contractAddress"));
    assertEquals(0, receipt.get("logs").size());
    assertEquals("0x" + "0".repeat(512), receipt.get("logsBloom").asText());
  }

  @Test
  void aCreationGetsTheAddressARealChainWouldGiveAndKeepsItsCode() {
    send("from", NODE2, "to", NODE3, "value", "0x1"); // nonce 0
    String hash = send("from", NODE2, "data", CODE, "value", "0x5"); // nonce 1, block 2

    JsonNode receipt = client.result("eth_getTransactionReceipt", hash);
    String contract = ContractUtils.generateContractAddress(NODE2, BigInteger.ONE);
    assertEquals(contract, receipt.get("contractAddress").asText());
    assertEquals(NullNode.getInstance(), receipt.get("to"));
    assertEquals(hex(53_000 + 16 * 16 + 4), receipt.get("gasUsed").asText());
    assertEquals(NullNode.getInstance(), client.result("eth_getTransactionByHash", hash).get("to"));

    assertEquals(CODE, client.result("eth_getCode", contract, "latest").asText());
    assertEquals("0x", client.result("eth_getCode", contract, "0x1").asText());
    assertEquals("0x5", client.result("eth_getBalance", contract, "latest").asText());
    assertEquals("0x1", client.result("eth_getTransactionCount", contract, "latest").asText());
    assertEquals("0x2", client.result("eth_getTransactionCount", NODE2, "latest").asText());
  }

  @Test
  void anExplicitNonceMustBeTheNextOne() {
    send("from", NODE1, "to", STRANGER, "nonce", "0x0");
    JsonNode low =
        client.error("eth_sendTransaction", tx("from", NODE1, "to", STRANGER, "nonce", "0x0"));
    assertEquals(-32000, low.get("code").asInt());
    assertEquals("nonce too low", low.get("message").asText());
    JsonNode high =
        client.error("eth_sendTransaction", tx("from", NODE1, "to", STRANGER, "nonce", "0x5"));
    assertEquals("nonce too high", high.get("message").asText());
    assertEquals("0x1", client.result("eth_blockNumber").asText());
  }

  @Test
  void theChainApiMinesWhatTheWireThenShows() {
    MinedTransaction mined =
        node.chain()
            .mineTransaction(
                TransactionRequest.transfer(
                    Address.of(NODE3), Address.of(STRANGER), BigInteger.valueOf(77)));
    assertEquals(1, mined.block().number());
    assertEquals(
        mined.transaction().hash().hex(),
        client.result("eth_getTransactionReceipt", mined.transaction().hash().hex())
            .get("transactionHash").asText());
    assertEquals(BigInteger.valueOf(77), balance(STRANGER, "latest"));
  }
}
