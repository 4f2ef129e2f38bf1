package dev.scopegate.limits;

/** Told of each call a limit refused, for metrics; {@code caller} as {@link Limiter#caller} names it. */
@FunctionalInterface
public interface LimitEvents {
  LimitEvents NONE = (caller, limit) -> {};

  void refused(String caller, Limit limit);

  /** {@code caller} took a concurrency slot, counted under {@code key} in {@link InFlight}. */
  default void holding(String key, String caller) {}
}
