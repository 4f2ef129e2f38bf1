package dev.scopegate.policy;

/**
 * One row of the policy table: a method, who may call it, how a tenant's call is guarded, how
 * the node's answer to it is filtered, and what the call costs against {@code costPerSecond}
 * (logs queries cost more again by their block range: limits/MethodCosts). Operators are never
 * held to a row's access, guard or filter.
 */
public record MethodRule(String method, Access access, GuardKind guard, FilterKind filter, int cost) {
  /** What a call costs unless its row says otherwise, and what a method without a row costs. */
  public static final int DEFAULT_COST = 1;

  public MethodRule {
    // a cost below 1 would make a method free (or refund the budget): never
    if (cost < 1) {
      throw new IllegalArgumentException(method + ": cost must be at least 1, got " + cost);
    }
  }

  public MethodRule(String method, Access access, GuardKind guard, FilterKind filter) {
    this(method, access, guard, filter, DEFAULT_COST);
  }

  /** This row costing {@code cost}: for the table's rows that make the node work harder. */
  public MethodRule cost(int cost) {
    return new MethodRule(method, access, guard, filter, cost);
  }
}
