package dev.scopegate.limits.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Redis key names: under {@code scopegate:limits:}, and hashed (SHA-256), because a limiter's
 * key may name a caller by something secret (an API key) and whoever reads Redis must not learn
 * it. Collisions are out of reach (256 bits), so two keys never share a bucket.
 */
final class BucketKeys {
  static final String PREFIX = "scopegate:limits:";

  private BucketKeys() {}

  static String of(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
