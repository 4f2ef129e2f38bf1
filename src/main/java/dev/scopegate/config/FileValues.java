package dev.scopegate.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Walks a tree against the key table: every leaf is a known key, every branch a section. */
final class FileValues {
  private FileValues() {}

  static Map<Key<?>, Sourced> of(Raw.Tree tree) {
    Map<Key<?>, Sourced> found = new LinkedHashMap<>();
    walk(tree, "", found);
    return found;
  }

  private static void walk(Raw.Tree tree, String prefix, Map<Key<?>, Sourced> found) {
    tree.entries().forEach((name, raw) -> {
      String path = prefix + name;
      Optional<Key<?>> key = Keys.byPath(path);
      if (name.contains(".")) {
        // "server.port: 1" would otherwise be a second, silent way to write server: { port: 1 }
        throw new ConfigException(path, "write nested keys as mappings, not with dots");
      } else if (key.isPresent()) {
        found.put(key.get(), new Sourced(path, raw));
      } else if (!Keys.isSection(path)) {
        throw new ConfigException(path, "unknown configuration key");
      } else if (raw instanceof Raw.Tree section) {
        walk(section, path + ".", found);
      } else {
        throw new ConfigException(path, "expected a mapping of keys, got " + raw.describe());
      }
    });
  }
}
