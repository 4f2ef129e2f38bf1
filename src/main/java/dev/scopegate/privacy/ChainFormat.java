package dev.scopegate.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.jcajce.provider.digest.Keccak;

/** How GoQuorum marks private transactions and contract extensions on the wire. */
final class ChainFormat {
  /** Topic of {@code StateShared(address toExtend, string tesseraHash, string uuid)}. */
  static final String STATE_SHARED_TOPIC =
      "0x" + HexFormat.of().formatHex(keccak("StateShared(address,string,string)".getBytes()));

  /**
   * Topic of {@code NewContractExtensionContractCreated(address toExtend, string recipientPTMKey,
   * address recipientAddress)}, emitted by GoQuorum's {@code ContractExtender} constructor.
   */
  static final String EXTENDER_CREATED_TOPIC = "0x" + HexFormat.of().formatHex(
      keccak("NewContractExtensionContractCreated(address,string,address)".getBytes()));

  private static final int PAYLOAD_HASH_HEX = 2 + 128;

  private ChainFormat() {}

  /** A private transaction: v of 37 or 38, and the 64-byte payload hash as input. */
  static boolean isPrivate(JsonNode tx) {
    String v = tx.path("v").asText("").toLowerCase(Locale.ROOT);
    boolean privateV = v.equals("0x25") || v.equals("0x26");
    return privateV && tx.path("input").asText("").length() == PAYLOAD_HASH_HEX;
  }

  static byte[] payloadHash(JsonNode tx) {
    return bytes(tx.path("input").asText());
  }

  static long quantity(JsonNode value) {
    return Long.decode(value.asText());
  }

  static String hex(long number) {
    return "0x" + Long.toHexString(number);
  }

  static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.startsWith("0x") ? hex.substring(2) : hex);
  }

  /** A log's or a code's hex data; {@link Abi.Malformed} when it is not 0x-hex. */
  static byte[] data(JsonNode value) {
    String hex = value.asText("");
    if (!hex.startsWith("0x") || hex.length() % 2 != 0) {
      throw new Abi.Malformed("data is not 0x-prefixed hex of whole bytes");
    }
    try {
      return HexFormat.of().parseHex(hex, 2, hex.length());
    } catch (IllegalArgumentException notHex) {
      throw new Abi.Malformed("data is not hex");
    }
  }

  static String lower(JsonNode value) {
    return value.asText().toLowerCase(Locale.ROOT);
  }

  static byte[] keccak(byte[] input) {
    return new Keccak.Digest256().digest(input);
  }
}
