package dev.scopegate.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The SHA-256 of a token: what caches are keyed by, so no cache holds a token. Computed per
 * request for every cached token, so without a new digest, byte array or hex string each time:
 * one digest per thread, the (ASCII) token copied into a per-thread buffer that is cleared after.
 */
final class TokenDigest {
  private static final int BUFFER = 8192;
  private static final ThreadLocal<MessageDigest> SHA = ThreadLocal.withInitial(TokenDigest::sha256);
  private static final ThreadLocal<byte[]> BYTES = ThreadLocal.withInitial(() -> new byte[BUFFER]);

  /** A digest as a cache key: its 32 bytes as four longs, hashed and compared without text. */
  record Key(long a, long b, long c, long d) {}

  private TokenDigest() {}

  /** The digest, hex. */
  static String of(String token) {
    return HexFormat.of().formatHex(digest(token));
  }

  static Key key(String token) {
    byte[] digest = digest(token);
    return new Key(longAt(digest, 0), longAt(digest, 8), longAt(digest, 16), longAt(digest, 24));
  }

  private static long longAt(byte[] bytes, int offset) {
    long value = 0;
    for (int i = offset; i < offset + 8; i++) {
      value = value << 8 | (bytes[i] & 0xff);
    }
    return value;
  }

  private static byte[] digest(String token) {
    MessageDigest sha = SHA.get(); // digest() resets it
    int length = token.length();
    if (length > BUFFER) {
      return sha.digest(token.getBytes(StandardCharsets.UTF_8));
    }
    byte[] bytes = BYTES.get();
    try {
      for (int i = 0; i < length; i++) {
        char c = token.charAt(i);
        if (c >= 0x80) { // not ASCII: UTF-8 takes more than one byte
          return sha.digest(token.getBytes(StandardCharsets.UTF_8));
        }
        bytes[i] = (byte) c;
      }
      sha.update(bytes, 0, length);
      return sha.digest();
    } finally {
      Arrays.fill(bytes, 0, length, (byte) 0); // no token left behind on the thread
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
