package dev.scopegate.observe;

import dev.scopegate.limits.InFlight;
import dev.scopegate.limits.Limit;
import dev.scopegate.limits.LimitEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code scopegate_limit_refusals_total{tenant, limit}} and {@code scopegate_limit_in_flight{tenant}}.
 * The first {@link #MAX_CALLERS} callers get their own series; every later one counts as {@code
 * other} (its in-flight calls too), so no caller can grow the scrape without bound.
 */
final class LimitMetrics implements LimitEvents {
  static final int MAX_CALLERS = 1000;

  private record Series(String caller, Limit limit) {}

  private final MeterRegistry registry;
  private final InFlight inFlight;
  private final Map<Series, Counter> refusals = new ConcurrentHashMap<>();
  private final Set<String> refusedCallers = ConcurrentHashMap.newKeySet();
  /** Key in {@link InFlight} → the caller its gauge is labelled with. */
  private final Map<String, String> gauged = new ConcurrentHashMap<>();

  LimitMetrics(MeterRegistry registry, InFlight inFlight) {
    this.registry = registry;
    this.inFlight = inFlight;
    Gauge.builder("scopegate.limit.in.flight", inFlight, this::others)
        .description("Calls in flight per caller in this replica (tenant id, else sub; operator:<how>;"
            + " after " + MAX_CALLERS + " callers: other)")
        .tag("tenant", BoundedCounters.OTHER)
        .register(registry);
  }

  @Override
  public void refused(String caller, Limit limit) {
    String label = bounded(refusedCallers, caller);
    refusals.computeIfAbsent(new Series(label, limit), s -> Counter.builder("scopegate.limit.refusals")
        .description("Calls refused by a limit, by caller (tenant id, else sub; operator:<how>; after "
            + MAX_CALLERS + " callers: other) and limit")
        .tag("tenant", s.caller())
        .tag("limit", s.limit().key())
        .register(registry)).increment();
  }

  @Override
  public void holding(String key, String caller) {
    if (gauged.containsKey(key) || gauged.size() >= MAX_CALLERS || caller.equals(BoundedCounters.OTHER)
        || gauged.containsValue(caller)) {
      return;
    }
    if (gauged.putIfAbsent(key, caller) == null) {
      Gauge.builder("scopegate.limit.in.flight", inFlight, f -> f.of(key))
          .description("Calls in flight per caller in this replica")
          .tag("tenant", caller)
          .register(registry);
    }
  }

  private double others(InFlight f) {
    long named = 0;
    for (String key : gauged.keySet()) {
      named += f.of(key);
    }
    return Math.max(0, f.total() - named);
  }

  private static String bounded(Set<String> seen, String caller) {
    if (seen.contains(caller)) {
      return caller;
    }
    if (seen.size() < MAX_CALLERS && !caller.equals(BoundedCounters.OTHER)) {
      seen.add(caller);
      return caller;
    }
    return BoundedCounters.OTHER;
  }
}
