package dev.scopegate.devnode;

import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** A 20-byte account address, kept as lower-case {@code 0x} hex. */
public record Address(String hex) implements Comparable<Address> {
  private static final Pattern FORM = Pattern.compile("0x[0-9a-f]{40}");
  public static final Address ZERO = new Address("0x" + "0".repeat(40));

  public Address {
    hex = hex.toLowerCase(Locale.ROOT);
    if (!FORM.matcher(hex).matches()) {
      throw new IllegalArgumentException("not a 20-byte hex address: " + hex);
    }
  }

  public static Address of(String hex) {
    return new Address(hex);
  }

  static Address of(byte[] bytes) {
    return new Address(Hex.data(bytes));
  }

  byte[] bytes() {
    return HexFormat.of().parseHex(hex, 2, hex.length());
  }

  @Override
  public int compareTo(Address other) {
    return hex.compareTo(other.hex);
  }

  @Override
  public String toString() {
    return hex;
  }
}
