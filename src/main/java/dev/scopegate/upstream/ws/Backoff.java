package dev.scopegate.upstream.ws;

/** Delays between reconnection attempts: doubling from the first to the cap, reset on success. */
final class Backoff {
  private final long firstMs;
  private final long maxMs;
  private long nextMs;

  Backoff(Reconnect reconnect) {
    this.firstMs = reconnect.firstDelay().toMillis();
    this.maxMs = reconnect.maxDelay().toMillis();
    this.nextMs = firstMs;
  }

  long next() {
    long delay = nextMs;
    nextMs = Math.min(maxMs, nextMs * 2);
    return delay;
  }

  void reset() {
    nextMs = firstMs;
  }
}
