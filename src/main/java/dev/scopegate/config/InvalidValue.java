package dev.scopegate.config;

/**
 * A value that does not fit its key's type. Types do not know where a value came from, so the
 * caller turns this into a {@link ConfigException} naming the key or variable.
 */
final class InvalidValue extends RuntimeException {
  InvalidValue(String problem) {
    super(problem, null, false, false);
  }

  /** The usual complaint: what was expected and what was given. */
  static InvalidValue expected(String expected, Raw given) {
    return new InvalidValue("expected " + expected + ", got " + given.describe());
  }
}
