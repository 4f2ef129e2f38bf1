package dev.scopegate.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the index's backfill progress every ten seconds, and when it catches up. */
final class Progress {
  private static final Logger LOG = LoggerFactory.getLogger(PrivacyIndex.class);
  private static final long EVERY_NANOS = 10_000_000_000L;

  private long lastNanos = System.nanoTime();
  private long lastBlock = Long.MIN_VALUE;
  private boolean caughtUp;

  void report(long indexed, long head) {
    long now = System.nanoTime();
    if (lastBlock == Long.MIN_VALUE) {
      lastBlock = indexed;
    }
    if (indexed >= head) {
      if (!caughtUp) {
        LOG.info("privacy index caught up at block {}", indexed);
        caughtUp = true;
      }
      return;
    }
    caughtUp = false;
    if (now - lastNanos >= EVERY_NANOS) {
      double rate = (indexed - lastBlock) * 1e9 / (now - lastNanos);
      LOG.info(
          "privacy index: block {} of {} ({} blocks/s, {} left)",
          indexed, head, Math.round(rate), head - indexed);
      lastNanos = now;
      lastBlock = indexed;
    }
  }
}
