package dev.scopegate.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a YAML-like tree of Java values (maps, lists, strings, numbers, booleans) into a
 * {@link Raw.Tree}, so code and tests can configure without a file. Nulls are absent, as in YAML.
 */
final class MapTree {
  private MapTree() {}

  static Raw.Tree of(Map<String, ?> tree) {
    return mapping(tree, "");
  }

  private static Raw value(Object value, String path) {
    if (value instanceof Map<?, ?> map) {
      return mapping(map, path + ".");
    }
    if (value instanceof Collection<?> items) {
      List<Raw> raws = new ArrayList<>();
      for (Object item : items) {
        if (item != null) {
          raws.add(value(item, path + "[" + raws.size() + "]"));
        }
      }
      return new Raw.Seq(raws);
    }
    if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
        || value instanceof URI || value instanceof Path) {
      return new Raw.Text(value.toString());
    }
    throw new ConfigException(path, "unsupported value of type " + value.getClass().getName());
  }

  private static Raw.Tree mapping(Map<?, ?> map, String prefix) {
    Map<String, Raw> entries = new LinkedHashMap<>();
    map.forEach((name, value) -> {
      if (value != null) {
        entries.put(String.valueOf(name), value(value, prefix + name));
      }
    });
    return new Raw.Tree(entries);
  }
}
