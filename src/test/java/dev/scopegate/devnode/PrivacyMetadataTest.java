package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ContractUtils;

class PrivacyMetadataTest extends DevNodeTestBase {

  @Test
  void anAddressOutsideThePrivateStateIsNotAPrivateContract() {
    String publicContract = contractOf(send("from", NODE1, "data", PLAIN_CODE));
    for (String address : List.of(publicContract, STRANGER)) {
      JsonNode error = client.error("eth_getContractPrivacyMetadata", address);
      assertEquals(-32000, error.get("code").asInt());
      // eth/api_backend.go EthAPIState.GetPrivacyMetadata: fmt.Errorf("%x: %w", addr, ErrNotPrivateContract)
      assertEquals(
          address.substring(2) + ": the provided address is not a private contract",
          error.get("message").asText());
    }
  }

  @Test
  void aStandardPrivateContractHasNoExtraData() {
    String contract = contractOf(createPrivately(PLAIN_CODE, "privateFor", List.of(KB)));
    JsonNode error = client.error("eth_getContractPrivacyMetadata", contract);
    assertEquals(-32000, error.get("code").asInt());
    assertEquals("no account extra data found", error.get("message").asText());
  }

  @Test
  void partyProtectionAndPsvContractsNameTheirCreationPayload() {
    for (int flag : new int[] {1, 3}) {
      String hash = createPrivately(PLAIN_CODE, "privateFor", List.of(KB), "privacyFlag", flag);
      String input = client.result("eth_getTransactionByHash", hash).get("input").asText();

      JsonNode metadata = client.result("eth_getContractPrivacyMetadata", contractOf(hash));
      assertEquals(PayloadHash.ofHex(input).base64(), metadata.get("creationTxHash").asText());
      assertEquals(flag, metadata.get("privacyFlag").asInt());
      assertEquals(0, metadata.get("mandatoryFor").size());
    }
  }

  @Test
  void aChildOfAPartyProtectionFactoryInheritsItsMetadata() {
    String hash = createPrivately("0xfac70f", "privateFor", List.of(KB), "privacyFlag", 1);
    String factory = contractOf(hash);
    String child = ContractUtils.generateContractAddress(factory, BigInteger.ONE);
    assertEquals(
        client.result("eth_getContractPrivacyMetadata", factory),
        client.result("eth_getContractPrivacyMetadata", child));
  }
}
