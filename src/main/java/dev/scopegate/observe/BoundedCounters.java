package dev.scopegate.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One counter per value of a label whose values come from outside (a PSI, a tenant id): the
 * first {@code max} values get their own series, every later one counts as {@code other}, so no
 * caller can grow the scrape without bound.
 */
final class BoundedCounters {
  static final String OTHER = "other";

  private final MeterRegistry registry;
  private final String name;
  private final String description;
  private final String transport;
  private final String label;
  private final int max;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  BoundedCounters(MeterRegistry registry, String name, String description, String transport, String label, int max) {
    this.registry = registry;
    this.name = name;
    this.description = description;
    this.transport = transport;
    this.label = label;
    this.max = max;
  }

  Counter of(String value) {
    Counter known = counters.get(value);
    if (known != null) {
      return known;
    }
    String series = counters.size() < max ? value : OTHER;
    return counters.computeIfAbsent(series, v -> Counter.builder(name)
        .description(description)
        .tag("transport", transport)
        .tag(label, v)
        .register(registry));
  }
}
