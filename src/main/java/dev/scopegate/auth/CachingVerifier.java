package dev.scopegate.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.scopegate.jsonrpc.RpcError;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

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
  private final Cache<TokenDigest.Key, Principal> verified;

  CachingVerifier(TokenVerifier delegate, ClaimChecks checks, Clock clock) {
    this.delegate = delegate;
    this.checks = checks;
    this.clock = clock;
    this.verified =
        Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfter(untilExpiry()).build();
  }

  @Override
  public Future<Principal> verify(String token) {
    TokenDigest.Key key = TokenDigest.key(token);
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

  private Expiry<TokenDigest.Key, Principal> untilExpiry() {
    return new Expiry<>() {
      @Override
      public long expireAfterCreate(TokenDigest.Key key, Principal principal, long currentTime) {
        Instant end = principal.expiry().orElseThrow().plus(checks.skew());
        Duration ttl = Duration.between(clock.instant(), end);
        if (ttl.isNegative()) {
          return 0;
        }
        return ttl.compareTo(MAX_TTL) > 0 ? MAX_TTL.toNanos() : ttl.toNanos();
      }

      @Override
      public long expireAfterUpdate(
          TokenDigest.Key key, Principal principal, long currentTime, long currentDuration) {
        return expireAfterCreate(key, principal, currentTime);
      }

      @Override
      public long expireAfterRead(
          TokenDigest.Key key, Principal principal, long currentTime, long currentDuration) {
        return currentDuration;
      }
    };
  }
}
