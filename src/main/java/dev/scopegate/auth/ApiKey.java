package dev.scopegate.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The machine-to-machine API key. Compared through SHA-256 digests with {@link
 * MessageDigest#isEqual}, so the time taken says nothing of the key or its length.
 */
final class ApiKey {
  private final Optional<byte[]> digest;

  /** {@code configured} empty: the API key is off and every presented key is wrong. */
  ApiKey(String configured) {
    this.digest = configured.isEmpty() ? Optional.empty() : Optional.of(sha256(configured));
  }

  boolean matches(String presented) {
    byte[] candidate = sha256(presented);
    return digest.map(expected -> MessageDigest.isEqual(expected, candidate)).orElse(false);
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
