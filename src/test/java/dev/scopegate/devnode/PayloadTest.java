package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** eth_getQuorumPayload and eth_getQuorumPayloadExtra: what this node's Tessera decrypts. */
class PayloadTest extends DevNodeTestBase {
  @Test
  void aManagedPartyGetsThePayload() {
    String input = inputOf(createPrivately(PLAIN_CODE, "privateFor", List.of(KB)));

    assertEquals(PLAIN_CODE, client.result("eth_getQuorumPayload", input).asText());
    assertEquals(PLAIN_CODE, client.result("eth_getQuorumPayload", input.substring(2)).asText());
  }

  @Test
  void aPayloadThisTesseraNeverReceivedIsEmpty() {
    MinedTransaction foreign =
        node.chain()
            .receiveForeignPrivate(
                Address.of(OUTSIDER), Optional.empty(), PLAIN_CODE, FOREIGN_X, List.of(FOREIGN_Y));

    assertEquals(
        "0x", client.result("eth_getQuorumPayload", foreign.transaction().input()).asText());
    assertEquals(
        RpcClient.parse("{\"Payload\":\"0x\",\"ExtraMetaData\":null,\"IsSender\":false}"),
        client.result("eth_getQuorumPayloadExtra", foreign.transaction().input()));
  }

  @Test
  void theExtraShapeCarriesSenderPartiesAndFlag() {
    String input =
        inputOf(createPrivately(PLAIN_CODE, "privateFor", List.of(KB), "privacyFlag", 1));

    JsonNode extra = client.result("eth_getQuorumPayloadExtra", input);
    assertEquals(List.of("Payload", "ExtraMetaData", "IsSender"), TraceCallTest.fields(extra));
    assertEquals(PLAIN_CODE, extra.get("Payload").asText());
    assertEquals(true, extra.get("IsSender").asBoolean());
    JsonNode meta = extra.get("ExtraMetaData");
    assertEquals(
        List.of(
            "ACHashes",
            "ACMerkleRoot",
            "PrivacyFlag",
            "ManagedParties",
            "Sender",
            "MandatoryRecipients"),
        TraceCallTest.fields(meta));
    assertEquals(1, meta.get("PrivacyFlag").asInt());
    assertEquals(KA, meta.get("Sender").asText());
    assertEquals(RpcClient.parse("[\"" + KA + "\",\"" + KB + "\"]"), meta.get("ManagedParties"));
  }

  @Test
  void aPayloadFromAnotherNodeIsNotSentHere() {
    MinedTransaction received =
        node.chain()
            .receiveForeignPrivate(
                Address.of(OUTSIDER), Optional.empty(), PLAIN_CODE, FOREIGN_X, List.of(KC));

    JsonNode extra = client.result("eth_getQuorumPayloadExtra", received.transaction().input());
    assertEquals(false, extra.get("IsSender").asBoolean());
    assertEquals(FOREIGN_X, extra.get("ExtraMetaData").get("Sender").asText());
    assertEquals(
        RpcClient.parse("[\"" + KC + "\"]"), extra.get("ExtraMetaData").get("ManagedParties"));
  }

  @Test
  void badDigestsAreRefusedAsGoQuorumDoes() {
    assertEquals("Invalid digest hex", message("0x"));
    assertEquals("Expected a Quorum digest of length 64, but got 1", message("0x12"));
    assertEquals("encoding/hex: odd length hex string", message("0x123"));
    assertEquals("encoding/hex: invalid byte: U+007A 'z'", message("0xzz"));
  }

  private String message(String digest) {
    JsonNode error = client.error("eth_getQuorumPayload", digest);
    assertEquals(-32000, error.get("code").asInt());
    return error.get("message").asText();
  }

  private String inputOf(String hash) {
    return client.result("eth_getTransactionByHash", hash).get("input").asText();
  }
}
