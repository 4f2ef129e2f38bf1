package dev.scopegate.policy;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What each guard and filter kind of {@link MethodTable} is on one node mode. Every kind is bound
 * (the builders are exhaustive switches), so no row falls back to anything.
 */
public record Isolation(Map<GuardKind, Guard> guards, Map<FilterKind, ResponseFilter> filters) {
  /** No isolation built: only unguarded rows pass, nothing is filtered (policy tests). */
  public static final Isolation NONE =
      of(k -> k == GuardKind.NONE ? Guard.NONE : Guard.REFUSE, k -> ResponseFilter.NONE);

  public Isolation {
    guards = Map.copyOf(guards);
    filters = Map.copyOf(filters);
    if (guards.size() != GuardKind.values().length || filters.size() != FilterKind.values().length) {
      throw new IllegalArgumentException("every guard and filter kind must be bound");
    }
  }

  /** Binds each kind once: methods of one kind share the guard or filter. */
  public static Isolation of(
      Function<GuardKind, Guard> guard, Function<FilterKind, ResponseFilter> filter) {
    Map<GuardKind, Guard> guards = new EnumMap<>(GuardKind.class);
    for (GuardKind kind : GuardKind.values()) {
      guards.put(kind, guard.apply(kind));
    }
    Map<FilterKind, ResponseFilter> filters = new EnumMap<>(FilterKind.class);
    for (FilterKind kind : FilterKind.values()) {
      filters.put(kind, filter.apply(kind));
    }
    return new Isolation(guards, filters);
  }
}
