package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GoQuorum 21.1 marshals the creation hash as a JSON array of 64 numbers. */
class PrivacyMetadataBytesTest extends DevNodeTestBase {
  @Override
  DevNodeOptions options() {
    return DevNodeOptions.defaults().withMetadataHashAsBytes(true);
  }

  @Test
  void theCreationHashIsAnArrayOfByteValues() {
    String hash = createPrivately(PLAIN_CODE, "privateFor", List.of(KB), "privacyFlag", 3);
    String input = client.result("eth_getTransactionByHash", hash).get("input").asText();

    JsonNode metadata = client.result("eth_getContractPrivacyMetadata", contractOf(hash));
    JsonNode array = metadata.get("creationTxHash");
    assertEquals(64, array.size());
    byte[] bytes = new byte[64];
    for (int i = 0; i < 64; i++) {
      bytes[i] = (byte) array.get(i).asInt();
    }
    assertArrayEquals(PayloadHash.ofHex(input).bytes(), bytes);
    assertEquals(3, metadata.get("privacyFlag").asInt());
    assertFalse(metadata.has("mandatoryFor"));
  }
}
