package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class GenesisTest extends DevNodeTestBase {

  @Test
  void theChainStartsAtBlockZero() {
    assertEquals("0x0", client.result("eth_blockNumber").asText());
  }

  @Test
  void genesisFundsNodeAndOutsideAccounts() {
    for (String account : new String[] {NODE1, NODE2, NODE3, OUTSIDER}) {
      assertEquals(GENESIS_BALANCE, balance(account, "latest"), account);
      assertEquals("0x0", client.result("eth_getTransactionCount", account, "latest").asText());
      assertEquals("0x", client.result("eth_getCode", account, "latest").asText());
    }
    assertEquals("0x0", client.result("eth_getBalance", STRANGER, "latest").asText());
  }

  @Test
  void genesisBlockHasTheFieldsOfAGethBlock() {
    JsonNode block = client.result("eth_getBlockByNumber", "earliest", false);
    assertEquals("0x0", block.get("number").asText());
    assertEquals("0x" + "0".repeat(64), block.get("parentHash").asText());
    assertEquals("0x" + "0".repeat(40), block.get("miner").asText());
    assertEquals("0x0", block.get("timestamp").asText());
    assertEquals("0xe0000000", block.get("gasLimit").asText());
    assertEquals("0x0", block.get("gasUsed").asText());
    assertEquals("0x0000000000000000", block.get("nonce").asText());
    assertEquals("0x1", block.get("difficulty").asText());
    assertEquals("0x1", block.get("totalDifficulty").asText());
    assertEquals(
        "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421",
        block.get("transactionsRoot").asText());
    assertEquals(
        "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347",
        block.get("sha3Uncles").asText());
    assertEquals("0x" + "0".repeat(512), block.get("logsBloom").asText());
    assertEquals(0, block.get("transactions").size());
    assertEquals(0, block.get("uncles").size());
    assertEquals(66, block.get("hash").asText().length());
    assertEquals(66, block.get("stateRoot").asText().length());
  }

  @Test
  void theGenesisHashIsDeterministic() {
    Chain other = new Chain(DevNodeOptions.DEFAULT_CHAIN_ID, Clock.systemUTC());
    assertEquals(
        other.head().hash().hex(),
        client.result("eth_getBlockByNumber", "0x0", false).get("hash").asText());
  }
}
