package dev.scopegate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.jsonrpc.Json;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GoQuorum security plugin's config.json read as Scopegate keys. The fixture is the plugin's
 * own documented example (quorum-security-plugin-enterprise, config_test.go
 * arbitraryConfiguration; the fields of docs "security plugins: For users").
 */
class SecurityPluginFileTest {
  private static final Path EXAMPLE = Path.of("src/test/resources/goquorum/security-config.json");
  private static final Map<String, String> ENV = Map.of("SCOPEGATE_UPSTREAM_HTTP", "http://node:1");

  @TempDir Path dir;

  @Test
  void theDocumentedExampleStopsStartupNamingEveryFieldScopegateDoesNotHonour() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(Optional.empty(), Optional.of(EXAMPLE), ENV));
    String message = e.getMessage();
    assertFalse(message.contains("\n"), "one line");
    for (String field : List.of("tls.advanced.cipherSuites",
        "tokenValidation.introspect.tlsConnection.certFile",
        "tokenValidation.introspect.tlsConnection.caFile",
        "tokenValidation.jws.tlsConnection.certFile", "tokenValidation.jws.tlsConnection.caFile")) {
      assertTrue(message.contains(field), message);
    }
    assertFalse(message.contains("tokenValidation.issuers"), "supported fields are not named");
  }

  @Test
  void theSupportedFieldsOfTheExampleBecomeScopegateKeys() throws Exception {
    Config c = ConfigLoader.load(Optional.empty(), Optional.of(supported()), ENV);

    assertEquals(Optional.of(URI.create("https://localhost:5000/keys")), c.auth().jwt().jwksUrl());
    assertEquals(List.of("http://goquorum.com/oauth"), c.auth().jwt().issuers());
    assertEquals("scope", c.auth().jwt().scopeClaim());
    assertTrue(c.auth().jwt().preferIntrospection());
    Config.Introspection i = c.auth().introspection();
    assertEquals(Optional.of(URI.create("https://localhost:5000/oauth/introspect")), i.endpoint());
    assertEquals("quorum", i.clientId());
    assertEquals("admin", i.clientSecret());
    assertEquals("client_secret_basic", i.clientAuth());
    assertEquals(80, i.cacheSize());
    assertEquals(Duration.ofSeconds(3600), i.cacheTtl());
    assertEquals(Optional.of(dir.resolve("cert.pem").toAbsolutePath()), c.server().tls().certFile());
  }

  @Test
  void envAndFileValuesAreResolvedAndTheYamlAndEnvironmentWinOverThePluginFile() throws Exception {
    ObjectNode json = (ObjectNode) Json.MAPPER.readTree(Files.readAllBytes(supported()));
    ObjectNode credentials = (ObjectNode) json.at("/tokenValidation/introspect/authentication/credentials");
    Path idFile = Files.writeString(dir.resolve("client-id"), "quorum-from-file\n");
    credentials.put("clientId", "file://" + idFile);
    credentials.put("clientSecret", "env://QUORUM_SECRET");
    ((ObjectNode) json.at("/tokenValidation/introspect/authentication")).put("method", "client_secret_form");
    Path file = Files.writeString(dir.resolve("config.json"), json.toString());
    Path yaml = Files.writeString(dir.resolve("scopegate.yaml"),
        "upstream:\n  http: http://node:1\nauth:\n  jwt:\n    scopeClaim: scp\n");

    Config c = ConfigLoader.load(Optional.of(yaml), Optional.of(file), Map.of(
        "QUORUM_SECRET", "s3cret", "SCOPEGATE_AUTH_INTROSPECTION_CACHESIZE", "5"));

    assertEquals("quorum-from-file", c.auth().introspection().clientId());
    assertEquals("s3cret", c.auth().introspection().clientSecret());
    assertEquals("client_secret_post", c.auth().introspection().clientAuth());
    assertEquals("scp", c.auth().jwt().scopeClaim(), "the YAML file wins over the plugin file");
    assertEquals(5, c.auth().introspection().cacheSize(), "the environment wins over both");

    ConfigException unset = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(Optional.of(yaml), Optional.of(file), Map.of()));
    assertTrue(unset.getMessage().contains("QUORUM_SECRET"), unset.getMessage());
    assertFalse(unset.getMessage().contains("s3cret"));
  }

  @Test
  void skippingTlsVerificationOrGeneratingCertificatesIsRefused() throws Exception {
    Path minimum = Files.writeString(dir.resolve("minimum.json"), """
        {"tls": {"auto": true},
         "tokenValidation": {"jws": {"endpoint": "https://localhost:5000/keys",
                                     "tlsConnection": {"insecureSkipVerify": true}}}}
        """);
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(Optional.empty(), Optional.of(minimum), ENV));
    assertTrue(e.getMessage().contains("tls.auto=true"), e.getMessage());
    assertTrue(e.getMessage().contains("tokenValidation.jws.tlsConnection.insecureSkipVerify=true"),
        e.getMessage());
  }

  /** The documented example without the fields Scopegate refuses, its files in the temp dir. */
  private Path supported() throws Exception {
    ObjectNode json = (ObjectNode) Json.MAPPER.readTree(Files.readAllBytes(EXAMPLE));
    ObjectNode tls = (ObjectNode) json.get("tls");
    tls.remove("advanced");
    tls.put("certFile", Files.writeString(dir.resolve("cert.pem"), "x").toString());
    tls.put("keyFile", Files.writeString(dir.resolve("key.pem"), "x").toString());
    for (String side : List.of("introspect", "jws")) {
      ObjectNode connection = (ObjectNode) json.get("tokenValidation").get(side).get("tlsConnection");
      connection.remove("certFile");
      connection.remove("caFile");
    }
    return Files.writeString(dir.resolve("supported.json"), json.toString());
  }
}
