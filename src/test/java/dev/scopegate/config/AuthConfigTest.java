package dev.scopegate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthConfigTest {
  private static final String SECRET = "s3cr3t-key-0123";
  @TempDir Path dir;

  private Config withApiKey(String fileKey, Map<String, String> env) {
    return Yaml.load(dir, Yaml.UPSTREAM + "auth: { apiKey: \"" + fileKey + "\" }\n", env);
  }

  @Test
  void authApiKeyAloneSetsTheKey() {
    Config c = withApiKey("", Map.of("AUTH_API_KEY", SECRET));
    assertEquals(SECRET, c.auth().apiKey());
  }

  @Test
  void authApiKeyEqualToTheFileIsAccepted() {
    assertEquals(SECRET, withApiKey(SECRET, Map.of("AUTH_API_KEY", SECRET)).auth().apiKey());
  }

  @Test
  void authApiKeyDifferentFromTheFileStopsWithoutShowingEitherKey() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> withApiKey(SECRET, Map.of("AUTH_API_KEY", "other-key-987")));

    assertEquals("AUTH_API_KEY: differs from the key set by auth.apiKey;"
        + " set only one of them, or the same key in both", e.getMessage());
    assertFalse(e.getMessage().contains(SECRET));
    assertFalse(e.getMessage().contains("other-key-987"));
  }

  @Test
  void authApiKeyDifferentFromTheScopegateVariableNamesThatVariable() {
    ConfigException e = assertThrows(ConfigException.class, () -> withApiKey("", Map.of(
        "AUTH_API_KEY", "other-key-987", "SCOPEGATE_AUTH_APIKEY", SECRET)));

    assertEquals("AUTH_API_KEY: differs from the key set by SCOPEGATE_AUTH_APIKEY;"
        + " set only one of them, or the same key in both", e.getMessage());
  }

  @Test
  void anApiKeyKeepsItsTextExactlyAsWritten() {
    Config c = Yaml.load(dir, Yaml.UPSTREAM + "auth: { apiKey: 0123 }\n");
    assertEquals("0123", c.auth().apiKey());
  }

  @Test
  void aKeyFileAndAJwksUrlTogetherAreRefused() throws Exception {
    Path pem = Files.writeString(dir.resolve("issuer.pem"), "-----BEGIN PUBLIC KEY-----\n");
    ConfigException e = assertThrows(ConfigException.class, () -> Yaml.load(dir, Yaml.UPSTREAM
        + "auth: { jwt: { publicKeyFile: " + pem + ", jwksUrl: https://idp/jwks } }\n"));

    assertEquals("auth.jwt.publicKeyFile: set either it or auth.jwt.jwksUrl, not both",
        e.getMessage());
  }

  @Test
  void aReadableKeyFileIsKeptAsAnAbsolutePath() throws Exception {
    Path pem = Files.writeString(dir.resolve("issuer.pem"), "-----BEGIN PUBLIC KEY-----\n");
    Config c = Yaml.load(dir, Yaml.UPSTREAM, Map.of("SCOPEGATE_AUTH_JWT_PUBLICKEYFILE",
        pem.toString()));

    assertEquals(Optional.of(pem.toAbsolutePath()), c.auth().jwt().publicKeyFile());
  }

  @Test
  void aMissingKeyFileStopsStartup() {
    Path missing = dir.resolve("absent.pem").toAbsolutePath();
    ConfigException e = assertThrows(ConfigException.class, () -> Yaml.load(dir,
        Yaml.UPSTREAM + "auth: { jwt: { publicKeyFile: " + missing + " } }\n"));

    assertEquals("auth.jwt.publicKeyFile: cannot read " + missing + ": no such file",
        e.getMessage());
  }

  @Test
  void aDirectoryIsNotAKeyFile() {
    ConfigException e = assertThrows(ConfigException.class, () -> Yaml.load(dir,
        Yaml.UPSTREAM, Map.of("SCOPEGATE_AUTH_JWT_PUBLICKEYFILE", dir.toString())));

    assertEquals("SCOPEGATE_AUTH_JWT_PUBLICKEYFILE: cannot read " + dir.toAbsolutePath()
        + ": not a regular file", e.getMessage());
  }
}
