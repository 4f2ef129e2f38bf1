package dev.scopegate.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every key's typed value, each with the label of where it came from (for later messages). */
final class Settings {
  private final Map<Key<?>, Resolved> values;

  private record Resolved(Object value, String label) {}

  private Settings(Map<Key<?>, Resolved> values) {
    this.values = Map.copyOf(values);
  }

  /** Given values win over defaults; a missing required key or a mistyped value stops here. */
  static Settings resolve(Map<Key<?>, Sourced> given) {
    Map<Key<?>, Resolved> values = new LinkedHashMap<>();
    for (Key<?> key : Keys.ALL) {
      Sourced source = given.containsKey(key) ? given.get(key) : fallback(key);
      try {
        values.put(key, new Resolved(key.type().parse(source.raw()), source.label()));
      } catch (InvalidValue e) {
        throw new ConfigException(source.label(), e.getMessage());
      }
    }
    return new Settings(values);
  }

  private static Sourced fallback(Key<?> key) {
    String text = key.defaultText().orElseThrow(() -> new ConfigException(
        key.path(), "required; set it in the file or as " + key.envName()));
    return new Sourced(key.path(), key.type().fromText(text));
  }

  @SuppressWarnings("unchecked") // each value was parsed by its own key's type
  <T> T get(Key<T> key) {
    return (T) values.get(key).value();
  }

  String label(Key<?> key) {
    return values.get(key).label();
  }

  /** A copy with one value replaced, for a value that arrives by another route (AUTH_API_KEY). */
  <T> Settings with(Key<T> key, T value, String label) {
    Map<Key<?>, Resolved> copy = new LinkedHashMap<>(values);
    copy.put(key, new Resolved(value, label));
    return new Settings(copy);
  }
}
