package dev.scopegate.config;

import java.util.Locale;
import java.util.Optional;

/**
 * One configuration key: its path in the file, its type, its default (written as text, as in the
 * environment; none for a required key) and what it means. The environment name is derived.
 */
record Key<T>(String path, ValueType<T> type, Optional<String> defaultText, String meaning) {

  static final String ENV_PREFIX = "SCOPEGATE_";

  String envName() {
    return ENV_PREFIX + path.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  boolean required() {
    return defaultText.isEmpty();
  }

  String shownDefault() {
    return defaultText.map(type::shownDefault).orElse("required");
  }
}
