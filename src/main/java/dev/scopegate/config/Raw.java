package dev.scopegate.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value as written, before it meets its key's type: scalars keep their source text, so
 * {@code mode: 0600} stays {@code "0600"} and {@code apiKey: 0123} keeps its zero. Absent values
 * (YAML {@code null}) never become a {@code Raw}.
 */
sealed interface Raw {

  /** For error messages: a scalar quoted, a structure by its kind. */
  String describe();

  record Text(String text) implements Raw {
    private static final int SHOWN = 80;

    @Override
    public String describe() {
      String shown = text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text;
      return '"' + shown.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
          .replace("\r", "\\r").replace("\t", "\\t") + '"';
    }
  }

  record Seq(List<Raw> items) implements Raw {
    public Seq {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  record Tree(Map<String, Raw> entries) implements Raw {
    static final Tree EMPTY = new Tree(Map.of());

    public Tree {
      // keeps file order, so the first unknown key reported is the first one written
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }
}
