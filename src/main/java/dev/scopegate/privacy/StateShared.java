package dev.scopegate.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A decoded {@code StateShared(address toExtend, string tesseraHash, string uuid)} log: the
 * contract an extension shares, and the Tessera payload whose parties now hold its state.
 */
record StateShared(String contract, String tesseraHash) {

  static boolean matches(JsonNode log) {
    JsonNode topics = log.path("topics");
    return topics.size() > 0 && ChainFormat.STATE_SHARED_TOPIC.equals(ChainFormat.lower(topics.get(0)));
  }

  /** Decodes the ABI data (three head words, then the dynamic strings); empty when malformed. */
  static Optional<StateShared> decode(JsonNode log) {
    try {
      byte[] data = ChainFormat.bytes(log.path("data").asText());
      String contract = "0x" + java.util.HexFormat.of().formatHex(Arrays.copyOfRange(data, 12, 32));
      int offset = word(data, 32).intValueExact();
      int length = word(data, offset).intValueExact();
      String hash = new String(Arrays.copyOfRange(data, offset + 32, offset + 32 + length), StandardCharsets.UTF_8);
      return Optional.of(new StateShared(contract, hash));
    } catch (RuntimeException malformed) {
      return Optional.empty();
    }
  }

  private static BigInteger word(byte[] data, int at) {
    if (at < 0 || at + 32 > data.length) {
      throw new IllegalArgumentException("ABI word out of range");
    }
    return new BigInteger(1, Arrays.copyOfRange(data, at, at + 32));
  }
}
