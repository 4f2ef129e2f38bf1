package dev.scopegate.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Test helper: load a YAML text written to a temporary directory. */
final class Yaml {
  static final String UPSTREAM = "upstream:\n  http: http://node:22000\n";

  private Yaml() {}

  static Path write(Path dir, String yaml) {
    try {
      return Files.writeString(dir.resolve("scopegate.yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Config load(Path dir, String yaml) {
    return load(dir, yaml, Map.of());
  }

  static Config load(Path dir, String yaml, Map<String, String> env) {
    return ConfigLoader.load(Optional.of(write(dir, yaml)), env);
  }
}
