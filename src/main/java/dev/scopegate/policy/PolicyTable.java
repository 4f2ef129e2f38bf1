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

  /** The standard table; guards are filled in by the caller (fail closed: REFUSE until built). */
  public static PolicyTable standard(Map<String, Guard> guards) {
    Map<String, MethodRule> rules = new LinkedHashMap<>();
    for (String m : MethodInventory.PUBLIC) {
      rules.put(m, new MethodRule(m, Access.PUBLIC, Guard.NONE));
    }
    for (String m : MethodInventory.GUARDED) {
      rules.put(m, new MethodRule(m, Access.GUARDED, guards.getOrDefault(m, Guard.REFUSE)));
    }
    for (String m : MethodInventory.OPERATOR) {
      rules.put(m, new MethodRule(m, Access.OPERATOR, Guard.REFUSE));
    }
    return new PolicyTable(rules);
  }
}
