package dev.scopegate.limits;

/**
 * One caller's budgets; 0 means off. {@code burst} is the size of the requests bucket (0: as
 * many as {@code requestsPerSecond}); the cost bucket holds one second's {@code costPerSecond}.
 */
public record LimitSet(long requestsPerSecond, long burst, long concurrent, long costPerSecond) {
  public static final LimitSet OFF = new LimitSet(0, 0, 0, 0);

  public LimitSet {
    if (requestsPerSecond < 0 || burst < 0 || concurrent < 0 || costPerSecond < 0) {
      throw new IllegalArgumentException("limits are never negative");
    }
  }

  public boolean off() {
    return requestsPerSecond == 0 && concurrent == 0 && costPerSecond == 0;
  }

  /** Tokens the requests bucket holds when full. */
  public long requestsCapacity() {
    return burst > 0 ? Math.max(burst, 1) : Math.max(requestsPerSecond, 1);
  }

  long get(Limit limit) {
    return switch (limit) {
      case REQUESTS_PER_SECOND -> requestsPerSecond;
      case BURST -> burst;
      case CONCURRENT -> concurrent;
      case COST_PER_SECOND -> costPerSecond;
      case MAX_LOGS_BLOCK_RANGE, MAX_TRACE_TIMEOUT -> throw new IllegalArgumentException("not a per-caller budget");
    };
  }

  static LimitSet of(java.util.function.ToLongFunction<Limit> value) {
    return new LimitSet(value.applyAsLong(Limit.REQUESTS_PER_SECOND), value.applyAsLong(Limit.BURST),
        value.applyAsLong(Limit.CONCURRENT), value.applyAsLong(Limit.COST_PER_SECOND));
  }
}
