package dev.scopegate.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * Token buckets in this process. A bucket idle long enough is full again, so idle buckets are
 * dropped (after {@link #IDLE}) and the number kept is bounded: a flood of distinct keys cannot
 * grow memory, and a dropped bucket comes back full, which is what it would be by then anyway
 * unless its refill takes longer than {@link #IDLE} (a rate below capacity / 10 min).
 */
public final class LocalBucketStore implements BucketStore {
  static final Duration IDLE = Duration.ofMinutes(10);
  static final long MAX_BUCKETS = 100_000;

  private final Ticker ticker;
  private final Cache<String, Bucket> buckets;

  public LocalBucketStore() {
    this(Ticker.systemTicker());
  }

  /** With the clock given, so that tests decide when time passes. */
  public LocalBucketStore(Ticker ticker) {
    this.ticker = ticker;
    this.buckets =
        Caffeine.newBuilder().ticker(ticker).expireAfterAccess(IDLE).maximumSize(MAX_BUCKETS).build();
  }

  @Override
  public Future<Take> take(String key, double perSecond, long capacity, long amount) {
    return Future.succeededFuture(takeNow(key, perSecond, capacity, amount));
  }

  /** The same answer without a future, for callers on the hot path. */
  public Take takeNow(String key, double perSecond, long capacity, long amount) {
    long now = ticker.read();
    Take[] answer = new Take[1];
    buckets.asMap().compute(key, (k, bucket) -> {
      Bucket current = bucket == null ? new Bucket(capacity, now) : bucket.refilled(now, perSecond, capacity);
      if (current.tokens() >= amount) {
        answer[0] = Take.GRANTED;
        return new Bucket(current.tokens() - amount, now);
      }
      double missing = amount - current.tokens();
      answer[0] = Take.refused(amount > capacity ? Long.MAX_VALUE / 2 : (long) Math.ceil(missing * 1000 / perSecond));
      return current;
    });
    return answer[0];
  }

  /** Tokens left and when they were counted (nanoseconds of the store's ticker). */
  private record Bucket(double tokens, long atNanos) {
    Bucket refilled(long now, double perSecond, long capacity) {
      double added = (now - atNanos) / 1e9 * perSecond;
      return new Bucket(Math.min(capacity, tokens + added), now);
    }
  }
}
