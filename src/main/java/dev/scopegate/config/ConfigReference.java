package dev.scopegate.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The configuration reference as Markdown, rendered from the key table so the README cannot
 * drift from the code. {@code main} writes it to {@code docs/config-reference.md}.
 */
public final class ConfigReference {
  static final Path FILE = Path.of("docs", "config-reference.md");

  private ConfigReference() {}

  public static String markdown() {
    return "| key | env | default | meaning |\n|---|---|---|---|\n"
        + Keys.ALL.stream().map(ConfigReference::row).collect(Collectors.joining("\n"))
        + "\n";
  }

  private static String row(Key<?> key) {
    return "| `" + key.path() + "` | `" + key.envName() + "` | " + cell(key.shownDefault())
        + " | " + cell(key.meaning()) + " |";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }

  public static void main(String[] args) throws IOException {
    Path target = args.length > 0 ? Path.of(args[0]) : FILE;
    Files.createDirectories(target.toAbsolutePath().getParent());
    Files.writeString(target, markdown());
  }
}
