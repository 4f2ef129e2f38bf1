package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReorgTest extends DevNodeTestBase {
  @Override
  DevNodeOptions options() {
    // A fixed clock: replaced blocks must differ by more than their timestamps.
    return DevNodeOptions.defaults()
        .withClock(Clock.fixed(Instant.parse("2021-03-01T12:00:00Z"), ZoneOffset.UTC));
  }

  @Test
  void theReplacedBlocksGetNewHashesOnAConsistentChain() {
    send("from", NODE1, "to", STRANGER, "value", "0x1");
    String creation = createPrivately(PLAIN_CODE, "privateFor", List.of(KB));
    String contract = contractOf(creation);
    send("from", NODE1, "to", contract, "data", "0x01", "privateFor", List.of(KB));
    List<String> before = hashes();

    node.chain().reorg(2);

    List<String> after = hashes();
    assertEquals(before.size(), after.size());
    assertEquals(before.subList(0, 2), after.subList(0, 2));
    assertNotEquals(before.get(2), after.get(2));
    assertNotEquals(before.get(3), after.get(3));
    assertParentsLinkUp();
    assertTrue(client.result("eth_getBlockByHash", before.get(3), false).isNull());
  }

  @Test
  void whatTheDroppedBlocksDidIsUndone() {
    send("from", NODE1, "to", STRANGER, "value", "0x1");
    String creation = createPrivately(PLAIN_CODE, "privateFor", List.of(KB));
    String contract = contractOf(creation);

    node.chain().reorg(1);

    assertTrue(client.result("eth_getTransactionReceipt", creation).isNull());
    assertTrue(client.result("eth_getTransactionByHash", creation).isNull());
    assertEquals("0x", client.result("eth_getCode", contract, "latest").asText());
    assertEquals(
        contract.substring(2) + ": the provided address is not a private contract",
        client.error("eth_getContractPrivacyMetadata", contract).get("message").asText());
    assertEquals("0x1", client.result("eth_getTransactionCount", NODE1, "latest").asText());
    assertEquals(
        0, client.result("eth_getBlockByNumber", "latest", false).get("transactions").size());
  }

  @Test
  void aLongerReplacementMayCarryOtherTransactions() {
    createPrivately(PLAIN_CODE, "privateFor", List.of(KB));
    createPrivately(PLAIN_CODE, "privateFor", List.of(KC));
    Address from = Address.of(NODE1);
    TransactionRequest again =
        TransactionRequest.create(from, "0x0a")
            .withPrivacy(PrivacyRequest.local(KA, List.of(KC), 1));

    List<Block> replaced = node.chain().reorg(2, List.of(List.of(), List.of(again), List.of()));

    assertEquals(3, replaced.size());
    assertEquals("0x3", client.result("eth_blockNumber").asText()); // was 0x2
    assertParentsLinkUp();
    String moved = replaced.get(1).transactions().get(0).hash().hex();
    JsonNode receipt = receipt(moved);
    assertEquals("0x2", receipt.get("blockNumber").asText());
    String address = receipt.get("contractAddress").asText();
    assertEquals(
        org.web3j.crypto.ContractUtils.generateContractAddress(NODE1, BigInteger.ZERO), address);
    assertEquals(
        1, client.result("eth_getContractPrivacyMetadata", address).get("privacyFlag").asInt());
  }

  @Test
  void theGenesisCannotBeReplaced() {
    send("from", NODE1, "to", STRANGER);
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> node.chain().reorg(2));
  }

  private List<String> hashes() {
    List<String> hashes = new ArrayList<>();
    long head = Long.decode(client.result("eth_blockNumber").asText());
    for (long n = 0; n <= head; n++) {
      hashes.add(client.result("eth_getBlockByNumber", hex(n), false).get("hash").asText());
    }
    return hashes;
  }

  private void assertParentsLinkUp() {
    List<String> hashes = hashes();
    for (int n = 1; n < hashes.size(); n++) {
      JsonNode block = client.result("eth_getBlockByNumber", hex(n), false);
      assertEquals(hashes.get(n - 1), block.get("parentHash").asText(), "parent of " + n);
      assertEquals(
          hashes.get(n),
          client.result("eth_getBlockByHash", hashes.get(n), false).get("hash").asText());
    }
  }
}
