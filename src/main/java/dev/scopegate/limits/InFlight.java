package dev.scopegate.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls in flight per caller, in this process. A caller's entry exists only while it has calls
 * in flight, so the map is as large as the callers being served at this moment.
 */
public final class InFlight {
  private final Map<String, Integer> counts = new ConcurrentHashMap<>();
  private final AtomicInteger total = new AtomicInteger();

  /** Takes a slot unless {@code key} already holds {@code max}. */
  boolean tryAcquire(String key, long max) {
    boolean[] taken = {false};
    counts.compute(key, (k, n) -> {
      int now = n == null ? 0 : n;
      if (now >= max) {
        return n;
      }
      taken[0] = true;
      return now + 1;
    });
    if (taken[0]) {
      total.incrementAndGet();
    }
    return taken[0];
  }

  void release(String key) {
    counts.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    total.decrementAndGet();
  }

  public int of(String key) {
    return counts.getOrDefault(key, 0);
  }

  public int total() {
    return total.get();
  }
}
