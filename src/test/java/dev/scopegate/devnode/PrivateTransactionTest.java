package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ContractUtils;
import org.web3j.crypto.Hash;

class PrivateTransactionTest extends DevNodeTestBase {
  static final String ZERO_BLOOM = "0x" + "0".repeat(512);
  static final String CALLED = Hash.sha3String("Called(bytes)");

  @Test
  void theChainCarriesOnlyThePayloadHashMarkedPrivate() {
    String hash = createPrivately(PLAIN_CODE, "privateFor", List.of(KB));

    JsonNode tx = client.result("eth_getTransactionByHash", hash);
    String input = tx.get("input").asText();
    assertEquals(2 + 128, input.length());
    assertNotEquals(PLAIN_CODE, input);
    String v = tx.get("v").asText();
    assertTrue(v.equals("0x25") || v.equals("0x26"), v);
    assertEquals("0x0", tx.get("gasPrice").asText());
    assertTrue(tx.get("to").isNull());
    JsonNode block = client.result("eth_getBlockByNumber", "latest", true);
    assertEquals(input, block.get("transactions").get(0).get("input").asText());
    String payload = RpcClient.parse(tessera.transaction(input).body()).get("payload").asText();
    assertEquals(
        PLAIN_CODE, "0x" + java.util.HexFormat.of().formatHex(Base64.getDecoder().decode(payload)));
  }

  @Test
  void aPrivateCreationLivesInThePrivateStateOnly() {
    String hash = createPrivately(PLAIN_CODE, "privateFor", List.of(FOREIGN_X));

    String contract = ContractUtils.generateContractAddress(NODE1, BigInteger.ZERO);
    JsonNode receipt = receipt(hash);
    assertEquals(contract, receipt.get("contractAddress").asText());
    assertEquals("0x1", receipt.get("status").asText());
    // GoQuorum's eth_getCode reads the private state first: the party node sees the code.
    assertEquals(PLAIN_CODE, client.result("eth_getCode", contract, "latest").asText());
    long head = node.chain().head().number();
    assertEquals("0x", node.chain().account(Address.of(contract), head).code());
    assertTrue(node.chain().isPrivate(Address.of(contract), head));
  }

  @Test
  void aCallToAPrivateContractLogsPrivately() {
    String contract = contractOf(createPrivately(PLAIN_CODE, "privateFor", List.of(KB)));
    String call = send("from", NODE1, "to", contract, "data", "0xcafe", "privateFor", List.of(KB));

    JsonNode receipt = receipt(call);
    assertEquals(1, receipt.get("logs").size());
    JsonNode log = receipt.get("logs").get(0);
    assertEquals(contract, log.get("address").asText());
    assertEquals(CALLED, log.get("topics").get(0).asText());
    assertEquals("0xcafe", log.get("data").asText());
    assertEquals(call, log.get("transactionHash").asText());
    assertNotEquals(ZERO_BLOOM, receipt.get("logsBloom").asText());
    assertTrue(receipt.get("contractAddress").isNull());
    // Private logs stay out of the block header.
    assertEquals(
        ZERO_BLOOM,
        client.result("eth_getBlockByNumber", "latest", false).get("logsBloom").asText());
  }

  @Test
  void aPrivateTransactionNoManagedKeyIsPartyToLeavesNoPrivateTrace() {
    MinedTransaction mined =
        node.chain()
            .receiveForeignPrivate(
                Address.of(OUTSIDER), Optional.empty(), PLAIN_CODE, FOREIGN_X, List.of(FOREIGN_Y));
    String hash = mined.transaction().hash().hex();

    JsonNode tx = client.result("eth_getTransactionByHash", hash);
    assertEquals(OUTSIDER, tx.get("from").asText());
    assertEquals(130, tx.get("input").asText().length());
    assertEquals(404, tessera.transaction(tx.get("input").asText()).statusCode());
    JsonNode receipt = receipt(hash);
    assertEquals("0x1", receipt.get("status").asText());
    assertEquals(0, receipt.get("logs").size());
    assertEquals(ZERO_BLOOM, receipt.get("logsBloom").asText());
    // GoQuorum sets contractAddress from sender and nonce even where nothing was created.
    String address = ContractUtils.generateContractAddress(OUTSIDER, BigInteger.ZERO);
    assertEquals(address, receipt.get("contractAddress").asText());
    assertEquals("0x", client.result("eth_getCode", address, "latest").asText());
  }

  @Test
  void aForeignTransactionNamingAManagedKeyIsReceivedAndRun() {
    MinedTransaction mined =
        node.chain()
            .receiveForeignPrivate(
                Address.of(OUTSIDER),
                Optional.empty(),
                PLAIN_CODE,
                FOREIGN_X,
                List.of(KC, FOREIGN_Y));

    JsonNode parties = RpcClient.parse(tessera.transaction(mined.transaction().input()).body());
    assertEquals(FOREIGN_X, parties.get("senderKey").asText());
    assertEquals(RpcClient.parse("[\"" + KC + "\"]"), parties.get("managedParties"));
    String contract = ContractUtils.generateContractAddress(OUTSIDER, BigInteger.ZERO);
    assertEquals(PLAIN_CODE, client.result("eth_getCode", contract, "latest").asText());
  }

  @Test
  void privateFromDefaultsToTheFirstManagedKey() {
    String hash = createPrivately(PLAIN_CODE, "privateFor", List.of(FOREIGN_X));
    String input = client.result("eth_getTransactionByHash", hash).get("input").asText();
    assertEquals(KA, RpcClient.parse(tessera.transaction(input).body()).get("senderKey").asText());
  }

  @Test
  void anUnknownPrivacyFlagIsRefused() {
    JsonNode error =
        client.error(
            "eth_sendTransaction",
            tx("from", NODE1, "data", PLAIN_CODE, "privateFor", List.of(KB), "privacyFlag", 2));
    assertEquals(-32000, error.get("code").asInt());
    assertEquals("invalid privacyFlag 2", error.get("message").asText());
  }
}
