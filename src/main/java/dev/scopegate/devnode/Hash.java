package dev.scopegate.devnode;

import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** A 32-byte hash (block, transaction, state root), kept as lower-case {@code 0x} hex. */
public record Hash(String hex) {
  private static final Pattern FORM = Pattern.compile("0x[0-9a-f]{64}");
  public static final Hash ZERO = new Hash("0x" + "0".repeat(64));

  public Hash {
    hex = hex.toLowerCase(Locale.ROOT);
    if (!FORM.matcher(hex).matches()) {
      throw new IllegalArgumentException("not a 32-byte hex hash: " + hex);
    }
  }

  public static Hash of(String hex) {
    return new Hash(hex);
  }

  static Hash of(byte[] bytes) {
    return new Hash(Hex.data(bytes));
  }

  /** Keccak-256 of {@code bytes}. */
  static Hash keccak(byte[] bytes) {
    return of(Keccak.hash256(bytes));
  }

  byte[] bytes() {
    return HexFormat.of().parseHex(hex, 2, hex.length());
  }

  @Override
  public String toString() {
    return hex;
  }
}
