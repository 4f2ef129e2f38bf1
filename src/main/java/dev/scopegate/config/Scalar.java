package dev.scopegate.config;

import java.util.function.Function;

/**
 * A type written as one scalar. {@code read} returns null for text it does not accept, or throws
 * {@link InvalidValue} itself when it has a better hint than "expected …".
 */
record Scalar<T>(String expected, Function<String, T> read) implements ValueType<T> {

  @Override
  public T parse(Raw raw) {
    if (!(raw instanceof Raw.Text text)) {
      throw InvalidValue.expected(expected, raw);
    }
    T value = read.apply(text.text());
    if (value == null) {
      throw InvalidValue.expected(expected, raw);
    }
    return value;
  }
}
