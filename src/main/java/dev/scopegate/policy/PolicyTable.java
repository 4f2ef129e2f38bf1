package dev.scopegate.policy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link MethodTable}'s rows with their guards and filters as one node mode binds them. A method
 * missing from the table is refused to tenants. Operators are not consulted against it.
 */
public final class PolicyTable {
  /** A row and what its guard and filter kinds are on this node. */
  public record Entry(MethodRule row, Guard guard, ResponseFilter filter) {}

  private final Map<String, Entry> entries;

  private PolicyTable(Map<String, Entry> entries) {
    this.entries = Map.copyOf(entries);
  }

  public Optional<Entry> entry(String method) {
    return Optional.ofNullable(entries.get(method));
  }

  /** The rows, in the table's order. */
  public Collection<MethodRule> rules() {
    return MethodTable.ROWS;
  }

  /** The standard table with its guard and filter kinds bound by {@code isolation}. */
  public static PolicyTable standard(Isolation isolation) {
    return of(MethodTable.ROWS, isolation);
  }

  static PolicyTable of(List<MethodRule> rows, Isolation isolation) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (MethodRule row : rows) {
      Entry entry =
          new Entry(row, isolation.guards().get(row.guard()), isolation.filters().get(row.filter()));
      if (entries.put(row.method(), entry) != null) {
        throw new IllegalArgumentException(row.method() + " has two rows");
      }
    }
    return new PolicyTable(entries);
  }
}
