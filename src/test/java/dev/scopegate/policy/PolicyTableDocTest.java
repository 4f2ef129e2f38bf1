package dev.scopegate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The policy table (docs/policy.md, linked from the README) says what the code does, method by method. */
class PolicyTableDocTest {
  private static final Pattern METHOD = Pattern.compile("`([^`]+)`");

  @Test
  void readmeTableMatchesTheInventory() throws Exception {
    Map<String, Access> documented = documented(Files.readAllLines(Path.of("docs/policy.md")));
    Map<String, Access> coded = new HashMap<>();
    PolicyTable.standard(Isolation.NONE).rules().forEach(r -> coded.put(r.method(), r.access()));
    assertEquals(coded, documented);
  }

  @Test
  void noMethodSitsInTwoClasses() {
    assertEquals(MethodTable.ROWS.size(), PolicyTable.standard(Isolation.NONE).rules().size());
  }

  private static Map<String, Access> documented(List<String> readme) {
    Map<String, Access> methods = new HashMap<>();
    boolean inSection = false;
    for (String line : readme) {
      if (line.startsWith("#")) {
        inSection = line.equals("# Policy table");
      } else if (inSection && line.startsWith("| `")) {
        String[] cells = line.split("\\|");
        collect(cells[2], Access.PUBLIC, methods);
        collect(cells[3], Access.GUARDED, methods);
        collect(cells[4], Access.OPERATOR, methods);
      }
    }
    return methods;
  }

  private static void collect(String cell, Access access, Map<String, Access> into) {
    Matcher m = METHOD.matcher(cell);
    while (m.find()) {
      if (into.put(m.group(1), access) != null) {
        throw new AssertionError(m.group(1) + " is documented twice");
      }
    }
  }
}
