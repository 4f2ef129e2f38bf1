package dev.scopegate.limits;

import dev.scopegate.policy.MethodRule;
import dev.scopegate.policy.MethodTable;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one call costs against {@code costPerSecond}: its row's cost in the policy table
 * ({@link MethodTable}), {@link MethodRule#DEFAULT_COST} for a method without a row; logs queries
 * cost more again per {@link #BLOCKS_PER_UNIT} blocks of their range.
 */
public final class MethodCosts {
  /** A logs query costs one more for each this many blocks of its range (rounded up). */
  public static final long BLOCKS_PER_UNIT = 1000;

  // an index of the table's cost column, so that a call's cost is one lookup
  private static final Map<String, Integer> BY_METHOD =
      MethodTable.ROWS.stream().collect(Collectors.toUnmodifiableMap(MethodRule::method, MethodRule::cost));

  private MethodCosts() {}

  public static long of(String method) {
    return BY_METHOD.getOrDefault(method, MethodRule.DEFAULT_COST);
  }

  /** A logs query over {@code blocks} blocks. */
  public static long of(String method, long blocks) {
    return of(method) + (blocks + BLOCKS_PER_UNIT - 1) / BLOCKS_PER_UNIT;
  }
}
