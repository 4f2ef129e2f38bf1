package dev.scopegate.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.upstream.Answer;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads {@code eth_getContractPrivacyMetadata}: GoQuorum 21.x answers "…not a private contract"
 * exactly when the address is not in its private state; any other answer means it is private.
 * Party-protection contracts also name their creation payload ({@code creationTxHash}, base64,
 * or an array of 64 byte values in GoQuorum 21.1).
 */
record PrivacyMetadata(boolean isPrivate, Optional<byte[]> creationPayloadHash) {
  private static final String NOT_PRIVATE = "not a private contract";

  static PrivacyMetadata of(Answer answer) {
    if (answer.isError()) {
      String message = answer.error().path("message").asText("");
      return new PrivacyMetadata(!message.contains(NOT_PRIVATE), Optional.empty());
    }
    return new PrivacyMetadata(true, creationHash(answer.result().path("creationTxHash")));
  }

  private static Optional<byte[]> creationHash(JsonNode node) {
    if (node.isTextual() && !node.asText().isEmpty()) {
      try {
        return Optional.of(Base64.getDecoder().decode(node.asText()));
      } catch (IllegalArgumentException notBase64) {
        return Optional.empty();
      }
    }
    if (node.isArray() && node.size() == 64) {
      byte[] bytes = new byte[64];
      for (int i = 0; i < 64; i++) {
        bytes[i] = (byte) node.get(i).asInt();
      }
      return Optional.of(bytes);
    }
    return Optional.empty();
  }
}
