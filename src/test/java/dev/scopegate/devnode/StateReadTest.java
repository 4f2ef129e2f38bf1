package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.rlp.RlpDecoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;
import org.web3j.utils.Numeric;

/** Storage, storage roots and proofs, read from the private state first as GoQuorum does. */
class StateReadTest extends DevNodeTestBase {
  static final String ZERO_WORD = "0x" + "0".repeat(64);
  static final String EMPTY_ROOT =
      "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421";
  static final String EMPTY_CODE_HASH =
      "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470";

  @Test
  void aContractKeepsKeccakOfItsCodeInSlotZero() {
    Scenario scenario = seed();
    String contract = scenario.privateA().address().hex();

    for (String slot : List.of("0x0", "0x00", "0", "0x" + "0".repeat(64))) {
      assertEquals(word("0x6080604052aa"), storage(contract, slot, "latest"), slot);
    }
    assertEquals(ZERO_WORD, storage(contract, "0x1", "latest"));
    assertEquals(ZERO_WORD, storage(contract, "0x0", "0x0")); // before its creation
    assertEquals(ZERO_WORD, storage(NODE1, "0x0", "latest"));
    assertEquals(
        word("0x6080604052bb"), storage(scenario.privateB().address().hex(), "0x0", "latest"));
  }

  @Test
  void balanceNonceAndCodeReadThePrivateStateFirst() {
    Scenario scenario = seed();
    String contract = scenario.shared().address().hex();

    assertEquals("0x6080604052ab", client.result("eth_getCode", contract, "latest").asText());
    assertEquals("0x1", client.result("eth_getTransactionCount", contract, "latest").asText());
    assertEquals("0x0", client.result("eth_getBalance", contract, "latest").asText());
    assertEquals("0x", client.result("eth_getCode", contract, "0x2").asText());
  }

  @Test
  void theStorageRootIsTheRootOfTheOneLeafTrie() {
    Scenario scenario = seed();
    String contract = scenario.privateA().address().hex();

    String root = client.result("eth_storageRoot", contract).asText();
    JsonNode proof = client.result("eth_getProof", contract, List.of("0x0"), "latest");
    String leaf = proof.get("storageProof").get(0).get("proof").get(0).asText();
    assertEquals(Hash.sha3(leaf), root);
    assertEquals(root, proof.get("storageHash").asText());
    assertEquals(root, client.result("eth_storageRoot", contract, "latest").asText());
    List<RlpType> node = decode(leaf);
    assertEquals("0x20" + Hash.sha3(ZERO_WORD).substring(2), string(node.get(0)));
    RlpString value = (RlpString) decode(((RlpString) node.get(1)).getBytes()).get(0);
    assertEquals(
        word("0x6080604052aa"),
        Numeric.toHexStringWithPrefixZeroPadded(value.asPositiveBigInteger(), 64));
  }

  @Test
  void anAccountWithoutStorageHasTheEmptyRoot() {
    Scenario scenario = seed();
    assertEquals(EMPTY_ROOT, client.result("eth_storageRoot", NODE1, "latest").asText());
    assertEquals(EMPTY_ROOT, client.result("eth_storageRoot", STRANGER).asText());
    String contract = scenario.privateA().address().hex();
    assertEquals(EMPTY_ROOT, client.result("eth_storageRoot", contract, "0x0").asText());
    assertNotEquals(EMPTY_ROOT, client.result("eth_storageRoot", contract, "0x1").asText());
  }

  @Test
  void aProofHasGethsShapeAndItsLeafEncodesTheAccount() {
    Scenario scenario = seed();
    String contract = scenario.privateB().address().hex();

    JsonNode proof = client.result("eth_getProof", contract, List.of("0x0", "0x01"), "latest");
    assertEquals(
        List.of(
            "address",
            "accountProof",
            "balance",
            "codeHash",
            "nonce",
            "storageHash",
            "storageProof"),
        TraceCallTest.fields(proof));
    assertEquals(contract, proof.get("address").asText());
    assertEquals("0x0", proof.get("balance").asText());
    assertEquals("0x1", proof.get("nonce").asText());
    assertEquals(Hash.sha3("0x6080604052bb"), proof.get("codeHash").asText());
    List<RlpType> leaf = decode(proof.get("accountProof").get(0).asText());
    assertEquals("0x20" + Hash.sha3(contract).substring(2), string(leaf.get(0)));
    List<RlpType> account = decode(((RlpString) leaf.get(1)).getBytes());
    assertEquals(BigInteger.ONE, ((RlpString) account.get(0)).asPositiveBigInteger());
    assertEquals(proof.get("storageHash").asText(), string(account.get(2)));
    assertEquals(proof.get("codeHash").asText(), string(account.get(3)));
    JsonNode slot0 = proof.get("storageProof").get(0);
    assertEquals(List.of("key", "value", "proof"), TraceCallTest.fields(slot0));
    assertEquals("0x0", slot0.get("key").asText());
    assertEquals(
        new BigInteger(word("0x6080604052bb").substring(2), 16),
        new BigInteger(slot0.get("value").asText().substring(2), 16));
    JsonNode slot1 = proof.get("storageProof").get(1);
    assertEquals("0x01", slot1.get("key").asText());
    assertEquals("0x0", slot1.get("value").asText());
    assertEquals(0, slot1.get("proof").size());
  }

  @Test
  void anAbsentAccountHasAnEmptyProof() {
    JsonNode proof = client.result("eth_getProof", STRANGER, List.of("0x0"), "latest");
    assertEquals(0, proof.get("accountProof").size());
    assertEquals("0x0", proof.get("balance").asText());
    assertEquals("0x0", proof.get("nonce").asText());
    assertEquals(EMPTY_CODE_HASH, proof.get("codeHash").asText());
    assertEquals(EMPTY_ROOT, proof.get("storageHash").asText());
    assertEquals(0, proof.get("storageProof").get(0).get("proof").size());
  }

  private String storage(String address, String slot, String block) {
    return client.result("eth_getStorageAt", address, slot, block).asText();
  }

  private static List<RlpType> decode(String hex) {
    return decode(Numeric.hexStringToByteArray(hex));
  }

  private static List<RlpType> decode(byte[] bytes) {
    List<RlpType> top = RlpDecoder.decode(bytes).getValues();
    return top.get(0) instanceof RlpList list ? list.getValues() : top;
  }

  private static String string(RlpType item) {
    return Numeric.toHexString(((RlpString) item).getBytes());
  }
}
