package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JSON-RPC calls received, in total and per method name (unknown methods too), and the params
 * of each method's latest call.
 */
final class RequestCounter {
  private final AtomicLong total = new AtomicLong();
  private final Map<String, JsonNode> lastParams = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> byMethod = new ConcurrentHashMap<>();
  private final List<Waiter> waiters = new CopyOnWriteArrayList<>();

  private record Waiter(String method, long count, Promise<Void> reached) {}

  void count(String method, Optional<JsonNode> params) {
    lastParams.put(method, params.orElse(MissingNode.getInstance()));
    count(method);
  }

  /** The params of the latest call of {@code method} (missing when it had none). */
  Optional<JsonNode> lastParams(String method) {
    return Optional.ofNullable(lastParams.get(method));
  }

  void count(String method) {
    total.incrementAndGet();
    long now = byMethod.computeIfAbsent(method, m -> new AtomicLong()).incrementAndGet();
    for (Waiter waiter : waiters) {
      if (waiter.method().equals(method) && now >= waiter.count() && waiters.remove(waiter)) {
        waiter.reached().tryComplete();
      }
    }
  }

  /** Completes once {@code method} has been counted {@code count} times (since the last reset). */
  Future<Void> reaches(String method, long count) {
    Waiter waiter = new Waiter(method, count, Promise.promise());
    waiters.add(waiter);
    if (of(method) >= count && waiters.remove(waiter)) {
      waiter.reached().tryComplete();
    }
    return waiter.reached().future();
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
    lastParams.clear();
    byMethod.clear();
  }
}
