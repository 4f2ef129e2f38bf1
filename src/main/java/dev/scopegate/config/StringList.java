package dev.scopegate.config;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * A list of strings: a YAML sequence in the file, comma-separated in the environment. Items are
 * trimmed and empty ones dropped, so {@code "a, b,"} is {@code [a, b]} wherever it was written.
 */
final class StringList implements ValueType<List<String>> {
  private static final String EXPECTED = "a list of strings, e.g. [a, b]";

  @Override
  public List<String> parse(Raw raw) {
    if (!(raw instanceof Raw.Seq seq)) {
      throw InvalidValue.expected(EXPECTED, raw);
    }
    return seq.items().stream().map(StringList::item).flatMap(StringList::cleaned).toList();
  }

  @Override
  public Raw fromText(String text) {
    return new Raw.Seq(Arrays.stream(text.split(",", -1)).<Raw>map(Raw.Text::new).toList());
  }

  @Override
  public String shownDefault(String text) {
    return "`" + parse(fromText(text)) + "`";
  }

  private static String item(Raw raw) {
    if (raw instanceof Raw.Text text) {
      return text.text();
    }
    throw new InvalidValue("expected " + EXPECTED + ", got a list containing " + raw.describe());
  }

  private static Stream<String> cleaned(String item) {
    String trimmed = item.strip();
    return trimmed.isEmpty() ? Stream.empty() : Stream.of(trimmed);
  }
}
