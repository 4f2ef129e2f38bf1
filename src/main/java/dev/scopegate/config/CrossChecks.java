package dev.scopegate.config;

import java.nio.file.Files;
import java.nio.file.Path;

/** Rules that span keys or touch the file system, checked once every value has its type. */
final class CrossChecks {
  private CrossChecks() {}

  static void check(Settings s) {
    boolean keyFile = s.get(Keys.AUTH_JWT_PUBLIC_KEY_FILE).isPresent();
    if (keyFile && s.get(Keys.AUTH_JWT_JWKS_URL).isPresent()) {
      // Two sources of verification keys would make "which key signed this" ambiguous.
      throw new ConfigException(s.label(Keys.AUTH_JWT_PUBLIC_KEY_FILE),
          "set either it or " + s.label(Keys.AUTH_JWT_JWKS_URL) + ", not both");
    }
    s.get(Keys.AUTH_JWT_PUBLIC_KEY_FILE).ifPresent(
        file -> readable(file, s.label(Keys.AUTH_JWT_PUBLIC_KEY_FILE)));
  }

  // Checked now so a missing key file stops startup instead of failing every token later.
  private static void readable(Path file, String label) {
    if (!Files.exists(file)) {
      throw new ConfigException(label, "cannot read " + file + ": no such file");
    }
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(label, "cannot read " + file + ": not a regular file");
    }
    if (!Files.isReadable(file)) {
      throw new ConfigException(label, "cannot read " + file + ": permission denied");
    }
  }
}
