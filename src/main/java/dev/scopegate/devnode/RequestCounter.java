package dev.scopegate.devnode;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** JSON-RPC calls received, in total and per method name (unknown methods too). */
final class RequestCounter {
  private final AtomicLong total = new AtomicLong();
  private final Map<String, AtomicLong> byMethod = new ConcurrentHashMap<>();

  void count(String method) {
    total.incrementAndGet();
    byMethod.computeIfAbsent(method, m -> new AtomicLong()).incrementAndGet();
  }

  /** Counts a call that has no method name (invalid requests). */
  void countInvalid() {
    total.incrementAndGet();
  }

  AtomicLong total() {
    return total;
  }

  long of(String method) {
    AtomicLong count = byMethod.get(method);
    return count == null ? 0 : count.get();
  }

  void reset() {
    total.set(0);
    byMethod.clear();
  }
}
