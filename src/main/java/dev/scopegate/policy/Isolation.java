package dev.scopegate.policy;

import java.util.Map;

/** The guards and response filters that isolate tenants, by method; what is absent fails closed. */
public record Isolation(Map<String, Guard> guards, Map<String, ResponseFilter> filters) {
  public static final Isolation NONE = new Isolation(Map.of(), Map.of());

  public Isolation {
    guards = Map.copyOf(guards);
    filters = Map.copyOf(filters);
  }
}
