package dev.scopegate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The golden test of the policy table: {@link MethodTable} printed row by row (method, access,
 * guard, filter, cost) must equal the table under docs/policy.md's "# Policy table", so no row changes
 * without a reviewed change of that document. On a difference the printed table is written to
 * target/policy-table.md, to review and copy into docs/policy.md.
 */
class PolicyTableDocTest {
  private static final Path DOC = Path.of("docs/policy.md");

  @Test
  void docsPolicyTableIsTheCodedTable() throws Exception {
    List<String> printed = printed();
    List<String> documented = documented(Files.readAllLines(DOC));
    if (!printed.equals(documented)) {
      Files.createDirectories(Path.of("target"));
      Files.write(Path.of("target/policy-table.md"), printed);
    }
    assertEquals(
        String.join("\n", printed),
        String.join("\n", documented),
        "docs/policy.md's table differs from MethodTable: review target/policy-table.md and copy it in");
  }

  @Test
  void everyRowIsBound() {
    assertEquals(MethodTable.ROWS.size(), PolicyTable.standard(Isolation.NONE).rules().size());
    MethodTable.ROWS.forEach(
        r -> assertEquals(r, PolicyTable.standard(Isolation.NONE).entry(r.method()).orElseThrow().row()));
  }

  /** The table as docs/policy.md shows it: a header, then one line per row in the table's order. */
  static List<String> printed() {
    List<String> lines = new ArrayList<>();
    lines.add("| method | access | guard | filter | cost |");
    lines.add("|---|---|---|---|---:|");
    for (MethodRule row : MethodTable.ROWS) {
      lines.add("| `" + row.method() + "` | " + label(row.access()) + " | " + label(row.guard())
          + " | " + label(row.filter()) + " | " + row.cost() + " |");
    }
    return lines;
  }

  private static String label(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static List<String> documented(List<String> doc) {
    List<String> table = new ArrayList<>();
    boolean inSection = false;
    for (String line : doc) {
      if (line.startsWith("#")) {
        inSection = line.equals("# Policy table");
      } else if (inSection && line.startsWith("|")) {
        table.add(line);
      }
    }
    return table;
  }
}
