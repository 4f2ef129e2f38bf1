package dev.scopegate.limits;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A tenant's own limits, from the tenant registry or a token's {@code limits} claim: only the
 * budgets they name. Where two sources name the same budget the stricter wins (a positive value
 * is stricter than 0, which is off); a budget neither names keeps the configured default.
 */
public record LimitOverrides(Map<Limit, Long> values) {
  public static final LimitOverrides NONE = new LimitOverrides(Map.of());
  /** Beyond this, a value is a mistake rather than a budget (and would overflow a bucket). */
  static final long MAX_VALUE = 1_000_000_000L;
  private static final Set<Limit> BUDGETS =
      Set.of(Limit.REQUESTS_PER_SECOND, Limit.BURST, Limit.CONCURRENT, Limit.COST_PER_SECOND);

  public LimitOverrides {
    EnumMap<Limit, Long> copy = new EnumMap<>(Limit.class);
    copy.putAll(values);
    values = Collections.unmodifiableMap(copy);
  }

  /** Both sources: each budget the stricter of the two that name it. */
  public LimitOverrides and(LimitOverrides other) {
    EnumMap<Limit, Long> merged = new EnumMap<>(Limit.class);
    merged.putAll(values);
    other.values.forEach((limit, value) -> merged.merge(limit, value, LimitOverrides::stricter));
    return new LimitOverrides(merged);
  }

  /** The trace timeout cap in nanoseconds (0: off): the one named here, else {@code defaultNanos}. */
  public long maxTraceTimeoutNanos(long defaultNanos) {
    return values.getOrDefault(Limit.MAX_TRACE_TIMEOUT, defaultNanos);
  }

  /** {@code defaults} with the budgets named here replaced. */
  public LimitSet over(LimitSet defaults) {
    return LimitSet.of(limit -> values.getOrDefault(limit, defaults.get(limit)));
  }

  static long stricter(long a, long b) {
    if (a == 0) {
      return b;
    }
    return b == 0 ? a : Math.min(a, b);
  }

  /**
   * Reads {@code {"requestsPerSecond": 10, "concurrent": 4, "maxTraceTimeout": "2s"}}; anything
   * else (another key, a budget that is not a whole number from 0 to 10^9, a timeout that is not a
   * Go duration from 0 up) fails with a message naming {@code where}, so a typo never leaves a
   * tenant unlimited.
   */
  public static LimitOverrides parse(JsonNode node, String where) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return NONE;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + ": expected an object of limits");
    }
    EnumMap<Limit, Long> values = new EnumMap<>(Limit.class);
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().equals(Limit.MAX_TRACE_TIMEOUT.key())) {
        values.put(Limit.MAX_TRACE_TIMEOUT, timeout(field.getValue(), where));
        continue;
      }
      Limit limit = BUDGETS.stream().filter(l -> l.key().equals(field.getKey())).findFirst()
          .orElseThrow(() -> new IllegalArgumentException(where + ": unknown limit '"
              + printable(field.getKey()) + "' (expected requestsPerSecond, burst, concurrent, costPerSecond, maxTraceTimeout)"));
      JsonNode value = field.getValue();
      if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0
          || value.longValue() > MAX_VALUE) {
        throw new IllegalArgumentException(where + ": " + limit.key()
            + " must be a whole number from 0 to " + MAX_VALUE);
      }
      values.put(limit, value.longValue());
    }
    return new LimitOverrides(values);
  }

  /** A Go duration string ({@code "2s"}, {@code "1m30s"}; {@code "0"}: off), in nanoseconds. */
  private static long timeout(JsonNode value, String where) {
    String problem = where + ": maxTraceTimeout must be a duration such as \"5s\" or \"1m30s\" (0: off)";
    if (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() == 0) {
      return 0; // off, written as the other limits write it
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(problem);
    }
    try {
      long nanos = GoDuration.parse(value.textValue());
      if (nanos < 0) {
        throw new IllegalArgumentException(problem);
      }
      return nanos;
    } catch (GoDuration.Invalid e) {
      throw new IllegalArgumentException(problem);
    }
  }

  // the claim comes from outside: never echo more than a short, printable name
  private static String printable(String key) {
    String cut = key.length() > 40 ? key.substring(0, 40) + "…" : key;
    return cut.replaceAll("[^\\x20-\\x7e…]", "?");
  }
}
