package dev.scopegate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class ConfigReferenceTest {

  @Test
  void everyKeyIsOneRowWithItsEnvironmentNameAndDefault() {
    String[] lines = ConfigReference.markdown().split("\n");

    assertEquals("| key | env | default | meaning |", lines[0]);
    assertEquals(Keys.ALL.size() + 2, lines.length);
    assertTrue(lines[2].startsWith(
        "| `upstream.http` | `SCOPEGATE_UPSTREAM_HTTP` | required | "), lines[2]);
    assertTrue(ConfigReference.markdown().contains(
        "| `upstream.privacyManager` | `SCOPEGATE_UPSTREAM_PRIVACYMANAGER` | none | "));
    assertTrue(ConfigReference.markdown().contains(
        "| `server.cors.allowedOrigins` | `SCOPEGATE_SERVER_CORS_ALLOWEDORIGINS` | `[]` | "));
    assertTrue(ConfigReference.markdown().contains(
        "| `upstream.timeout` | `SCOPEGATE_UPSTREAM_TIMEOUT` | `30s` | "));
  }

  /** Regenerate with: java -cp target/classes dev.scopegate.config.ConfigReference */
  @Test
  void theCommittedReferenceIsCurrent() throws Exception {
    assertEquals(ConfigReference.markdown(), Files.readString(ConfigReference.FILE),
        "docs/config-reference.md is stale; run ConfigReference.main to regenerate it");
  }

  @Test
  void theReadmeCarriesTheReference() throws Exception {
    String readme = Files.readString(java.nio.file.Path.of("README.md"));
    assertTrue(readme.contains("(docs/config-reference.md)"), "the README links the reference");
    assertFalse(readme.contains("| `upstream.http` |"),
        "the README carries no second copy of the reference, which could go stale");
  }
}
