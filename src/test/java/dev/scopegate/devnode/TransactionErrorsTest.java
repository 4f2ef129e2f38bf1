package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Refused transactions: GoQuorum's error, and no block mined. */
class TransactionErrorsTest extends DevNodeTestBase {

  private void assertRefused(String message, Object... fields) {
    JsonNode error = client.error("eth_sendTransaction", tx(fields));
    assertEquals(-32000, error.get("code").asInt(), error::toString);
    assertEquals(message, error.get("message").asText());
    assertEquals("0x0", client.result("eth_blockNumber").asText());
  }

  @Test
  void onlyNodeManagedAccountsMaySend() {
    assertRefused("unknown account", "from", OUTSIDER, "to", NODE1, "value", "0x1");
    assertRefused("unknown account", "to", NODE1, "value", "0x1");
  }

  @Test
  void valueBeyondTheBalanceIsRefused() {
    assertRefused(
        "insufficient funds for gas * price + value",
        "from", NODE1, "to", STRANGER, "value", hex(GENESIS_BALANCE.add(BigInteger.ONE)));
  }

  @Test
  void gasIsFreeOnGoQuorum() {
    assertRefused("Gas price not 0", "from", NODE1, "to", STRANGER, "gasPrice", "0x1");
  }

  @Test
  void gasBelowTheIntrinsicCostIsRefused() {
    assertRefused("intrinsic gas too low", "from", NODE1, "to", STRANGER, "gas", "0x5207");
    assertRefused("exceeds block gas limit", "from", NODE1, "to", STRANGER, "gas", "0xe0000001");
  }

  @Test
  void aPrivateTransactionMustBeSentFromAKeyOfThisNodesTessera() {
    assertRefused(
        "privateFrom " + DevTessera.FOREIGN_X + " is not a key of this node's privacy manager",
        "from", NODE1, "data", "0x00", "privateFrom", DevTessera.FOREIGN_X,
        "privateFor", List.of(DevTessera.KB));
  }

  @Test
  void aPrivateTransactionCarriesNoValue() {
    assertRefused(
        "ether value is not supported for private transactions",
        "from", NODE1, "to", STRANGER, "value", "0x1", "privateFor", List.of(DevTessera.KB));
  }

  @Test
  void dataAndInputMustAgree() {
    JsonNode error =
        client.error("eth_sendTransaction", tx("from", NODE1, "data", "0x01", "input", "0x02"));
    assertEquals(-32000, error.get("code").asInt());
    assertEquals(
        "Both \"data\" and \"input\" are set and not equal. "
            + "Please use \"input\" to pass transaction call data.",
        error.get("message").asText());
  }

  @Test
  void aFailedTransactionInABlockLeavesTheChainUnchanged() {
    Address node1 = Address.of(NODE1);
    Address stranger = Address.of(STRANGER);
    NodeException refused =
        assertThrows(
            NodeException.class,
            () ->
                node.chain()
                    .mineBlock(
                        List.of(
                            TransactionRequest.transfer(node1, stranger, BigInteger.TEN),
                            TransactionRequest.transfer(
                                Address.of(OUTSIDER), stranger, BigInteger.ONE))));
    assertEquals(NodeError.UNKNOWN_ACCOUNT, refused.error());
    assertEquals(0, node.chain().head().number());
    assertEquals("0x0", client.result("eth_getBalance", STRANGER, "latest").asText());
    assertEquals("0x0", client.result("eth_getTransactionCount", NODE1, "latest").asText());
  }
}
