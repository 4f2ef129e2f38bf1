package dev.scopegate.devnode;

import java.math.BigInteger;
import java.util.HexFormat;

/**
 * Ethereum's hex encodings: quantities (no leading zeros) and data (two digits per byte).
 * Decoding failures carry go-ethereum's {@code hexutil} texts, so that bad params read as a
 * GoQuorum node would answer them.
 */
final class Hex {
  private static final HexFormat HEX = HexFormat.of();

  private Hex() {}

  static String quantity(long value) {
    return "0x" + Long.toHexString(value);
  }

  static String quantity(BigInteger value) {
    return "0x" + value.toString(16);
  }

  static String data(byte[] bytes) {
    return "0x" + HEX.formatHex(bytes);
  }

  /** Data of any even length ({@code hexutil.Bytes}). */
  static byte[] decodeData(String text, String goType) {
    String digits = digits(text, goType);
    if (digits.length() % 2 != 0) {
      throw InvalidArgument.ofType("hex string of odd length", goType);
    }
    return parse(digits, goType);
  }

  /** Data of exactly {@code length} bytes ({@code common.Address}, {@code common.Hash}). */
  static byte[] decodeFixed(String text, int length, String goType) {
    String digits = digits(text, goType);
    if (digits.length() % 2 != 0) {
      throw InvalidArgument.ofType("hex string of odd length", goType);
    }
    if (digits.length() != length * 2) {
      throw new InvalidArgument(
          String.format(
              "hex string has length %d, want %d for %s", digits.length(), length * 2, goType));
    }
    return parse(digits, goType);
  }

  /** A quantity of at most {@code bits} bits ({@code hexutil.Uint64}, {@code hexutil.Big}). */
  static BigInteger decodeQuantity(String text, int bits, String goType) {
    String digits = digits(text, goType);
    if (digits.isEmpty()) {
      throw InvalidArgument.ofType("hex string \"0x\"", goType);
    }
    if (digits.length() > 1 && digits.charAt(0) == '0') {
      throw InvalidArgument.ofType("hex number with leading zero digits", goType);
    }
    if (digits.length() > bits / 4) {
      throw InvalidArgument.ofType("hex number > " + bits + " bits", goType);
    }
    if (!isHex(digits)) {
      throw InvalidArgument.ofType("invalid hex string", goType);
    }
    return new BigInteger(digits, 16);
  }

  /**
   * go-ethereum's {@code common.HexToHash}, which state reads of GoQuorum 21.1 use for storage
   * keys: {@code 0x} optional, odd lengths padded, decoding stops at the first bad digit, the last
   * 32 bytes count and fewer are left-padded. Any text is some slot.
   */
  static Hash lenientHash(String text) {
    String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    if (digits.length() % 2 == 1) {
      digits = "0" + digits;
    }
    int valid = 0;
    while (valid + 1 < digits.length() && isHex(digits.substring(valid, valid + 2))) {
      valid += 2;
    }
    byte[] bytes = HEX.parseHex(digits.substring(0, valid));
    byte[] word = new byte[32];
    int length = Math.min(bytes.length, 32);
    System.arraycopy(bytes, bytes.length - length, word, 32 - length, length);
    return Hash.of(word);
  }

  private static String digits(String text, String goType) {
    if (text.isEmpty()) {
      throw InvalidArgument.ofType("empty hex string", goType);
    }
    if (!text.startsWith("0x") && !text.startsWith("0X")) {
      throw InvalidArgument.ofType("hex string without 0x prefix", goType);
    }
    return text.substring(2);
  }

  private static byte[] parse(String digits, String goType) {
    if (!isHex(digits)) {
      throw InvalidArgument.ofType("invalid hex string", goType);
    }
    return HEX.parseHex(digits);
  }

  private static boolean isHex(String digits) {
    return digits.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128);
  }
}
