package dev.scopegate.limits;

import io.vertx.core.Future;

/**
 * Where token buckets live: in this process, or in Redis shared by every replica. A bucket named
 * {@code key} holds at most {@code capacity} tokens and refills at {@code perSecond}; a take of
 * {@code amount} either removes them all or none. Never blocks the caller's thread.
 */
public interface BucketStore {

  /** Takes {@code amount} tokens, or says how long until they would be there. */
  Future<Take> take(String key, double perSecond, long capacity, long amount);

  /** Releases what the store holds (connections, timers). */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
