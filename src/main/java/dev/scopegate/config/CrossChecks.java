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
    if (s.get(Keys.AUTH_JWT_ISSUER_URL).isPresent()
        && (keyFile || s.get(Keys.AUTH_JWT_JWKS_URL).isPresent())) {
      throw new ConfigException(s.label(Keys.AUTH_JWT_ISSUER_URL), "set either it or "
          + s.label(Keys.AUTH_JWT_JWKS_URL) + " / " + s.label(Keys.AUTH_JWT_PUBLIC_KEY_FILE)
          + ", not both: discovery names the key set");
    }
    boolean clientId = !s.get(Keys.AUTH_INTROSPECTION_CLIENT_ID).isEmpty();
    if (s.get(Keys.AUTH_INTROSPECTION_ENDPOINT).isPresent() && !clientId) {
      throw new ConfigException(s.label(Keys.AUTH_INTROSPECTION_CLIENT_ID),
          "required with " + s.label(Keys.AUTH_INTROSPECTION_ENDPOINT)
              + ": introspection endpoints authenticate their callers");
    }
    if (s.get(Keys.SERVER_TLS_CERT_FILE).isPresent() != s.get(Keys.SERVER_TLS_KEY_FILE).isPresent()) {
      throw new ConfigException(s.label(Keys.SERVER_TLS_CERT_FILE),
          "set together with " + s.label(Keys.SERVER_TLS_KEY_FILE));
    }
    if (s.get(Keys.SERVER_TLS_CLIENT_CA_FILE).isPresent()
        && s.get(Keys.SERVER_TLS_CERT_FILE).isEmpty()) {
      throw new ConfigException(s.label(Keys.SERVER_TLS_CLIENT_CA_FILE),
          "needs " + s.label(Keys.SERVER_TLS_CERT_FILE) + ": client certificates need TLS");
    }
    for (Key<java.util.Optional<Path>> file : java.util.List.of(Keys.SERVER_TLS_CERT_FILE,
        Keys.SERVER_TLS_KEY_FILE, Keys.SERVER_TLS_CLIENT_CA_FILE, Keys.AUTH_TENANTS)) {
      s.get(file).ifPresent(f -> readable(f, s.label(file)));
    }
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
