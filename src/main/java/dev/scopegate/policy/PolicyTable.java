package dev.scopegate.policy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every method GoQuorum 21.1–24.x serves, with who may call it and its guard. A method missing
 * from the table is refused to tenants. Operators are not consulted against it.
 */
public final class PolicyTable {
  private final Map<String, MethodRule> rules;

  private PolicyTable(Map<String, MethodRule> rules) {
    this.rules = Map.copyOf(rules);
  }

  public Optional<MethodRule> rule(String method) {
    return Optional.ofNullable(rules.get(method));
  }

  public Collection<MethodRule> rules() {
    return rules.values();
  }

  /**
   * The standard table with these guards and filters; a guarded method without a guard is
   * refused to tenants (fail closed), a public one without a filter is answered unfiltered.
   */
  public static PolicyTable standard(Isolation isolation) {
    Map<String, MethodRule> rules = new LinkedHashMap<>();
    for (String m : MethodInventory.PUBLIC) {
      rules.put(m, rule(m, Access.PUBLIC, Guard.NONE, isolation));
    }
    for (String m : MethodInventory.GUARDED) {
      rules.put(m, rule(m, Access.GUARDED, Guard.REFUSE, isolation));
    }
    for (String m : MethodInventory.OPERATOR) {
      rules.put(m, new MethodRule(m, Access.OPERATOR, Guard.REFUSE, ResponseFilter.NONE));
    }
    return new PolicyTable(rules);
  }

  private static MethodRule rule(String method, Access access, Guard fallback, Isolation isolation) {
    return new MethodRule(
        method,
        access,
        isolation.guards().getOrDefault(method, fallback),
        isolation.filters().getOrDefault(method, ResponseFilter.NONE));
  }
}
