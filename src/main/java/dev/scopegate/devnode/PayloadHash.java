package dev.scopegate.devnode;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The 64-byte hash under which Tessera keeps a payload: base64 when speaking to Tessera, {@code 0x}
 * hex (128 digits) as a private transaction's input.
 */
public record PayloadHash(byte[] bytes) {
  public static final int LENGTH = 64;

  public PayloadHash {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a payload hash has 64 bytes, not " + bytes.length);
    }
    bytes = bytes.clone();
  }

  public static PayloadHash ofBase64(String base64) {
    return new PayloadHash(Base64.getDecoder().decode(base64));
  }

  public static PayloadHash ofHex(String hex) {
    return new PayloadHash(HexFormat.of().parseHex(hex.startsWith("0x") ? hex.substring(2) : hex));
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  public String hex() {
    return Hex.data(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PayloadHash that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return base64();
  }
}
