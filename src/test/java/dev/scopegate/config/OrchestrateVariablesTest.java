package dev.scopegate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Codefi Orchestrate's AUTH_JWT_* variables set the matching keys. */
class OrchestrateVariablesTest {
  private static final Map<String, ?> FILE = Map.of("upstream", Map.of("http", "http://node:1"));

  @Test
  void orchestratesVariablesSetIssuerAudienceAndNamespace() {
    Config c = ConfigLoader.fromMap(FILE, Map.of(
        "AUTH_JWT_ISSUER_URL", "https://tenant.eu.auth0.com/",
        "AUTH_JWT_AUDIENCE", "https://orchestrate.consensys.net",
        "AUTH_JWT_CLAIMS_NAMESPACE", "https://api.orchestrate.network"));

    assertEquals(Optional.of(URI.create("https://tenant.eu.auth0.com/")), c.auth().jwt().issuerUrl());
    assertEquals(List.of("https://orchestrate.consensys.net"), c.auth().jwt().audiences());
    assertEquals("https://api.orchestrate.network", c.auth().jwt().claimsNamespace());
  }

  @Test
  void aVariableThatDiffersFromTheFileIsRefusedNamingBoth() {
    Map<String, ?> file = Map.of("upstream", Map.of("http", "http://node:1"),
        "auth", Map.of("jwt", Map.of("claimsNamespace", "https://a.example")));
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.fromMap(file,
        Map.of("AUTH_JWT_CLAIMS_NAMESPACE", "https://b.example")));
    assertTrue(e.getMessage().contains("AUTH_JWT_CLAIMS_NAMESPACE"), e.getMessage());
    assertTrue(e.getMessage().contains("auth.jwt.claimsNamespace"), e.getMessage());
  }

  @Test
  void aMalformedIssuerUrlIsRefusedUnderItsOwnName() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.fromMap(FILE, Map.of("AUTH_JWT_ISSUER_URL", "not a url")));
    assertTrue(e.getMessage().startsWith("AUTH_JWT_ISSUER_URL"), e.getMessage());
  }
}
