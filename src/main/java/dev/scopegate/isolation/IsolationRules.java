package dev.scopegate.isolation;

import dev.scopegate.policy.Guard;
import dev.scopegate.policy.Isolation;
import dev.scopegate.policy.ResponseFilter;
import java.util.HashMap;
import java.util.Map;

/**
 * Which guard and which response filter each guarded method gets: the isolation half of the
 * policy table. A guarded method missing here stays refused to tenants.
 */
public final class IsolationRules {
  private IsolationRules() {}

  public static Isolation create(GuardContext context) {
    Map<String, Guard> guards = new HashMap<>();
    Map<String, ResponseFilter> filters = new HashMap<>();
    return new Isolation(guards, filters);
  }
}
