package dev.scopegate.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.scopegate.jsonrpc.RpcError;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Remembers verified tokens (by SHA-256, never the token itself) until they expire, so a token is
 * verified once rather than per request. Expiry is checked again on every hit. Failures are not
 * remembered: an unavailable key source must be retried.
 */
final class CachingVerifier implements TokenVerifier {
  private static final long MAX_ENTRIES = 10_000;
  // bounds the nanosecond arithmetic for tokens that claim to live for centuries
  private static final Duration MAX_TTL = Duration.ofDays(1);

  private final TokenVerifier delegate;
  private final ClaimChecks checks;
  private final Clock clock;
  private final Cache<String, Principal> verified;

  CachingVerifier(TokenVerifier delegate, ClaimChecks checks, Clock clock) {
    this.delegate = delegate;
    this.checks = checks;
    this.clock = clock;
    this.verified =
        Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfter(untilExpiry()).build();
  }

  @Override
  public Future<Principal> verify(String token) {
    String key = digest(token);
    Principal cached = verified.getIfPresent(key);
    if (cached == null) {
      return delegate.verify(token).onSuccess(principal -> verified.put(key, principal));
    }
    Instant expiry = cached.expiry().orElseThrow();
    if (checks.isExpired(expiry, clock.instant())) {
      verified.invalidate(key);
      return Future.failedFuture(RpcError.TOKEN_EXPIRED.exception());
    }
    return Future.succeededFuture(cached);
  }

  @Override
  public Future<Void> close() {
    verified.invalidateAll();
    return delegate.close();
  }

  private Expiry<String, Principal> untilExpiry() {
    return new Expiry<>() {
      @Override
      public long expireAfterCreate(String key, Principal principal, long currentTime) {
        Instant end = principal.expiry().orElseThrow().plus(checks.skew());
        Duration ttl = Duration.between(clock.instant(), end);
        if (ttl.isNegative()) {
          return 0;
        }
        return ttl.compareTo(MAX_TTL) > 0 ? MAX_TTL.toNanos() : ttl.toNanos();
      }

      @Override
      public long expireAfterUpdate(
          String key, Principal principal, long currentTime, long currentDuration) {
        return expireAfterCreate(key, principal, currentTime);
      }

      @Override
      public long expireAfterRead(
          String key, Principal principal, long currentTime, long currentDuration) {
        return currentDuration;
      }
    };
  }

  private static String digest(String token) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
