package dev.scopegate.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads {@code SCOPEGATE_*} variables. Any such variable that names no key stops startup: a typo
 * would otherwise leave a setting silently at its default.
 */
final class EnvValues {
  private EnvValues() {}

  static Map<Key<?>, Sourced> of(Map<String, String> env) {
    Map<Key<?>, Sourced> found = new LinkedHashMap<>();
    // sorted, so the variable reported first does not depend on the map's order
    new TreeMap<>(env).forEach((name, value) -> {
      if (name.startsWith(Key.ENV_PREFIX)) {
        Key<?> key = Keys.byEnv(name).orElseThrow(
            () -> new ConfigException(name, "unknown configuration variable"));
        found.put(key, new Sourced(name, key.type().fromText(value)));
      }
    });
    return found;
  }
}
