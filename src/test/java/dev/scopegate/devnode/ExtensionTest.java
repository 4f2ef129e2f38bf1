package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;

class ExtensionTest extends DevNodeTestBase {
  /** The topic GoQuorum's generated binding names for StateShared. */
  static final String STATE_SHARED =
      "0x67a92539f3cbd7c5a9b36c23c0e2beceb27d2e1b3cd8eda02c623689267ae71e";

  @Test
  void extendingLogsStateSharedNamingAPayloadForTheNewParties() {
    String contract = contractOf(createPrivately(PLAIN_CODE, "privateFor", List.of(FOREIGN_X)));

    MinedTransaction shared = node.chain().extendContract(Address.of(contract), List.of(KB));

    JsonNode receipt = receipt(shared.transaction().hash().hex());
    assertEquals(1, receipt.get("logs").size());
    JsonNode log = receipt.get("logs").get(0);
    assertEquals(List.of(STATE_SHARED), List.of(log.get("topics").get(0).asText()));
    List<Type> decoded = decode(log.get("data").asText());
    assertEquals(contract, decoded.get(0).getValue().toString());
    String tesseraHash = decoded.get(1).getValue().toString();
    UUID.fromString(decoded.get(2).getValue().toString());

    JsonNode payload =
        RpcClient.parse(tessera.transaction(PayloadHash.ofBase64(tesseraHash).hex()).body());
    assertEquals(KA, payload.get("senderKey").asText());
    assertEquals(RpcClient.parse("[\"" + KA + "\",\"" + KB + "\"]"), payload.get("managedParties"));
    long head = node.chain().head().number();
    assertEquals(
        Set.of(KA, FOREIGN_X, KB),
        node.chain().privacy(Address.of(contract), head).get().parties());
    assertEquals(
        Set.of(KA, FOREIGN_X),
        node.chain().privacy(Address.of(contract), head - 2).get().parties());
  }

  @Test
  void theManagementContractIsItselfAPrivateContractOfTheParties() {
    String contract = contractOf(createPrivately(PLAIN_CODE, "privateFor", List.of(FOREIGN_X)));
    MinedTransaction shared = node.chain().extendContract(Address.of(contract), List.of(KC));

    String management = shared.transaction().to().get().hex();
    assertEquals(
        "no account extra data found",
        client.error("eth_getContractPrivacyMetadata", management).get("message").asText());
    assertEquals(
        management,
        receipt(shared.transaction().hash().hex()).get("logs").get(0).get("address").asText());
    assertTrue(receipt(shared.transaction().hash().hex()).get("contractAddress").isNull());
  }

  @Test
  void aContractCanArriveByExtensionAlone() {
    Address contract = Address.of("0x5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e");
    assertEquals("0x", client.result("eth_getCode", contract.hex(), "latest").asText());

    MinedTransaction shared =
        node.chain().importExtendedContract(contract, "0x60016002", FOREIGN_X, List.of(KC));

    assertEquals("0x60016002", client.result("eth_getCode", contract.hex(), "latest").asText());
    assertEquals(
        "no account extra data found",
        client.error("eth_getContractPrivacyMetadata", contract.hex()).get("message").asText());
    JsonNode log = receipt(shared.transaction().hash().hex()).get("logs").get(0);
    assertEquals(contract.hex(), decode(log.get("data").asText()).get(0).getValue().toString());
    assertEquals(OUTSIDER, shared.transaction().from().hex());
    for (long n = 1; n <= node.chain().head().number(); n++) {
      node.chain()
          .block(n)
          .get()
          .receipts()
          .forEach(r -> assertFalse(r.contractAddress().equals(java.util.Optional.of(contract))));
    }
  }

  @SuppressWarnings("rawtypes")
  private static List<Type> decode(String data) {
    List<TypeReference<Type>> types =
        List.of(
            cast(new TypeReference<org.web3j.abi.datatypes.Address>() {}),
            cast(new TypeReference<Utf8String>() {}),
            cast(new TypeReference<Utf8String>() {}));
    return FunctionReturnDecoder.decode(data, types);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static TypeReference<Type> cast(TypeReference reference) {
    return reference;
  }
}
