package dev.scopegate.config;

import java.util.Optional;

/** An optional key: empty text is absent, as {@code ws: ""} or {@code SCOPEGATE_UPSTREAM_WS=}. */
record Optionally<T>(ValueType<T> present) implements ValueType<Optional<T>> {

  @Override
  public Optional<T> parse(Raw raw) {
    if (raw instanceof Raw.Text text && text.text().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(present.parse(raw));
  }

  @Override
  public String shownDefault(String text) {
    return text.isEmpty() ? "none" : present.shownDefault(text);
  }
}
