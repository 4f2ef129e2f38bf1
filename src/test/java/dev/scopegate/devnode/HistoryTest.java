package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** State reads at old blocks see the state of that block. */
class HistoryTest extends DevNodeTestBase {

  @Test
  void balanceAndNonceAtOlderBlocks() {
    send("from", NODE1, "to", STRANGER, "value", "0x64"); // block 1
    send("from", NODE1, "to", STRANGER, "value", "0xc8"); // block 2
    send("from", NODE2, "to", NODE3, "value", "0x1"); // block 3: NODE1, STRANGER untouched

    assertEquals(BigInteger.ZERO, balance(STRANGER, "0x0"));
    assertEquals(BigInteger.valueOf(100), balance(STRANGER, "0x1"));
    assertEquals(BigInteger.valueOf(300), balance(STRANGER, "0x2"));
    assertEquals(BigInteger.valueOf(300), balance(STRANGER, "0x3"));
    assertEquals(BigInteger.valueOf(300), balance(STRANGER, "latest"));
    assertEquals(BigInteger.valueOf(300), balance(STRANGER, "pending"));
    assertEquals(BigInteger.ZERO, balance(STRANGER, "earliest"));
    assertEquals(GENESIS_BALANCE.subtract(BigInteger.valueOf(100)), balance(NODE1, "0x1"));
    assertEquals("0x1", client.result("eth_getTransactionCount", NODE1, "0x1").asText());
    assertEquals("0x2", client.result("eth_getTransactionCount", NODE1, "0x3").asText());
    assertEquals("0x0", client.result("eth_getTransactionCount", NODE2, "0x2").asText());
  }

  @Test
  void eip1898ObjectsNameABlockByNumberOrHash() {
    send("from", NODE1, "to", STRANGER, "value", "0x64");
    send("from", NODE1, "to", STRANGER, "value", "0xc8");
    String block1 = client.result("eth_getBlockByNumber", "0x1", false).get("hash").asText();

    assertEquals(
        "0x64", client.result("eth_getBalance", STRANGER, Map.of("blockHash", block1)).asText());
    assertEquals(
        "0x64", client.result("eth_getBalance", STRANGER, Map.of("blockNumber", "0x1")).asText());
  }

  @Test
  void aBlockBeyondTheHeadHasNoState() {
    JsonNode error = client.error("eth_getBalance", NODE1, "0x1");
    assertEquals(-32000, error.get("code").asInt());
    assertEquals("header not found", error.get("message").asText());
    JsonNode byHash =
        client.error("eth_getCode", NODE1, Map.of("blockHash", "0x" + "ab".repeat(32)));
    assertEquals("header for hash not found", byHash.get("message").asText());
  }
}
