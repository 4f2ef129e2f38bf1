package dev.scopegate.upstream;

import java.time.Duration;

/**
 * Delays between attempts to reach a neighbour (the node's socket, its mode, the privacy index):
 * doubling from the first to the cap, reset on success. Not thread-safe: one owner, one context.
 */
public final class Backoff {
  private final long firstMs;
  private final long maxMs;
  private long nextMs;

  public Backoff(Duration first, Duration max) {
    this.firstMs = first.toMillis();
    this.maxMs = max.toMillis();
    this.nextMs = firstMs;
  }

  public long next() {
    long delay = nextMs;
    nextMs = Math.min(maxMs, nextMs * 2);
    return delay;
  }

  public void reset() {
    nextMs = firstMs;
  }
}
