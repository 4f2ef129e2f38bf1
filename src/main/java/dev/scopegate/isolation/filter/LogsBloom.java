package dev.scopegate.isolation.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.jcajce.provider.digest.Keccak;

/**
 * Ethereum's 2048-bit logs bloom (go-ethereum's bloom9): for the address and each topic of every
 * log, three bits taken from its Keccak-256. Rebuilt when logs are removed from a receipt, so that
 * the bloom does not betray what was removed.
 */
public final class LogsBloom {
  public static final int BYTES = 256;
  public static final String ZERO = "0x" + "0".repeat(BYTES * 2);

  private static final int ADDRESS_BYTES = 20;
  private static final int TOPIC_BYTES = 32;

  private LogsBloom() {}

  /** The bloom of these log objects, as {@code 0x} and 512 hex digits. */
  public static String of(List<JsonNode> logs) {
    byte[] bloom = new byte[BYTES];
    for (JsonNode log : logs) {
      add(bloom, NodeData.bytes(log.path("address"), ADDRESS_BYTES));
      JsonNode topics = log.path("topics");
      if (!topics.isMissingNode() && !topics.isNull() && !topics.isArray()) {
        throw NodeData.malformed("log with invalid topics");
      }
      for (JsonNode topic : topics) {
        add(bloom, NodeData.bytes(topic, TOPIC_BYTES));
      }
    }
    return "0x" + HexFormat.of().formatHex(bloom);
  }

  /** Sets the three bits of {@code item}: 11-bit indices from hash byte pairs (0,1), (2,3), (4,5). */
  public static void add(byte[] bloom, byte[] item) {
    byte[] hash = new Keccak.Digest256().digest(item);
    for (int i = 0; i < 6; i += 2) {
      int bit = ((hash[i] & 0xff) << 8 | (hash[i + 1] & 0xff)) & 0x7ff;
      bloom[BYTES - 1 - bit / 8] |= (byte) (1 << (bit % 8));
    }
  }
}
