package dev.scopegate.transport.ws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Places held per tenant, bounded, taken and given back from any event loop. The check and the
 * count are one atomic step per tenant, and a tenant's entry goes with its last place: two
 * connections on two loops cannot both take the last place, and a place given back while
 * another is taken is never lost.
 */
final class TenantCounts {
  private final Map<String, Integer> held = new ConcurrentHashMap<>();

  /** Takes a place unless {@code key} already holds {@code max}. */
  boolean tryTake(String key, int max) {
    boolean[] taken = {false};
    held.compute(key, (k, n) -> {
      int now = n == null ? 0 : n;
      if (now >= max) {
        return n;
      }
      taken[0] = true;
      return now + 1;
    });
    return taken[0];
  }

  void give(String key) {
    held.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
  }

  int held(String key) {
    return held.getOrDefault(key, 0);
  }
}
