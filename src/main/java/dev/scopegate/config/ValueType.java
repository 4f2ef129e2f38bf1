package dev.scopegate.config;

/** How one key's value is read, from the file or the environment, and shown in the reference. */
interface ValueType<T> {

  /** The value, or {@link InvalidValue} saying what was expected. */
  T parse(Raw raw);

  /** An environment variable or a default is always text; lists override this to split it. */
  default Raw fromText(String text) {
    return new Raw.Text(text);
  }

  /** The default as shown in the Markdown reference. */
  default String shownDefault(String text) {
    return text.isEmpty() ? "`\"\"`" : "`" + text + "`";
  }
}
