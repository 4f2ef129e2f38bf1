package dev.scopegate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each mistake stops startup with one line naming the key or variable and the problem. */
class ConfigErrorsTest {
  @TempDir Path dir;

  private String fileError(String yaml) {
    return assertThrows(ConfigException.class, () -> Yaml.load(dir, yaml)).getMessage();
  }

  private String envError(Map<String, String> env) {
    return assertThrows(ConfigException.class,
        () -> Yaml.load(dir, Yaml.UPSTREAM, env)).getMessage();
  }

  @Test
  void anUnknownKeyAtAnyDepthIsNamed() {
    assertEquals("servr: unknown configuration key", fileError(Yaml.UPSTREAM + "servr: {}\n"));
    assertEquals("server.prot: unknown configuration key",
        fileError(Yaml.UPSTREAM + "server: { prot: 1 }\n"));
    assertEquals("server.ws.idleTimout: unknown configuration key",
        fileError(Yaml.UPSTREAM + "server: { ws: { idleTimout: 1s } }\n"));
    assertEquals("privacy.index.frmBlock: unknown configuration key",
        fileError(Yaml.UPSTREAM + "privacy: { index: { frmBlock: 1 } }\n"));
  }

  @Test
  void aSectionWrittenAsAValueIsRefused() {
    assertEquals("server.ws: expected a mapping of keys, got \"on\"",
        fileError(Yaml.UPSTREAM + "server: { ws: on }\n"));
  }

  @Test
  void aDottedKeyIsNotASecondWayToNest() {
    assertEquals("server.port: write nested keys as mappings, not with dots",
        fileError(Yaml.UPSTREAM + "server.port: 9000\n"));
  }

  @Test
  void anUnknownScopegateVariableIsNamed() {
    assertEquals("SCOPEGATE_SERVR_PORT: unknown configuration variable",
        envError(Map.of("SCOPEGATE_SERVR_PORT", "1")));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "server: { port: abc }        | server.port: expected an integer from 0 to 65535, got \"abc\"",
      "server: { port: 65536 }      | server.port: expected an integer from 0 to 65535, got \"65536\"",
      "server: { port: 80.5 }       | server.port: expected an integer from 0 to 65535, got \"80.5\"",
      "server: { host: [a, b] }     | server.host: expected a host name or address, got a list",
      "server: { maxBodyBytes: 0 }  | server.maxBodyBytes: expected an integer of at least 1, got \"0\"",
      "server: { maxBatchSize: -1 } | server.maxBatchSize: expected an integer of at least 1, got \"-1\"",
      "server: { ws: { queryToken: yes } } | server.ws.queryToken: expected true or false, got \"yes\"",
      "server: { cors: { allowedOrigins: '*' } } | server.cors.allowedOrigins: expected a list of strings, e.g. [a, b], got \"*\"",
      "auth: { jwt: { issuers: [[a]] } } | auth.jwt.issuers: expected a list of strings, e.g. [a, b], got a list containing a list",
      "auth: { apiKey: { a: b } }   | auth.apiKey: expected a string, got a mapping",
      "privacy: { index: { fromBlock: -1 } } | privacy.index.fromBlock: expected an integer of at least 0, got \"-1\"",
      "auth: { jwt: { jwksUrl: 'ftp://idp/jwks' } } | auth.jwt.jwksUrl: expected an http or https URL, got \"ftp://idp/jwks\"",
      "metrics: { port: 99999999999999999999 } | metrics.port: expected an integer from 0 to 65535, got \"99999999999999999999\"",
  })
  void aValueOfTheWrongTypeIsNamedWithWhatWasExpected(String yaml, String message) {
    assertEquals(message, fileError(Yaml.UPSTREAM + yaml + "\n"));
  }

  @Test
  void aWrongTypeFromTheEnvironmentNamesTheVariable() {
    assertEquals("SCOPEGATE_SERVER_PORT: expected an integer from 0 to 65535, got \"abc\"",
        envError(Map.of("SCOPEGATE_SERVER_PORT", "abc")));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "http: ws://node:1             | upstream.http: expected an http or https URL, got \"ws://node:1\"",
      "http: { port: 1 }             | upstream.http: expected an http or https URL, got a mapping",
      "http: http://n:1, ws: http://node:1 | upstream.ws: expected a ws or wss URL, got \"http://node:1\"",
      "http: http://n:1, privacyManager: tessera | upstream.privacyManager: expected an http(s) URL or unix:/path/to/tm.ipc, got \"tessera\"",
      "http: http://quorum_node:22000 | upstream.http: host name \"quorum_node\" contains an underscore, which URLs do not allow; use a name with '-' or an IP address (in Docker Compose, a hyphenated service name or alias)",
      "http: http://n:1, ws: ws://user@my_node:1 | upstream.ws: host name \"my_node\" contains an underscore, which URLs do not allow; use a name with '-' or an IP address (in Docker Compose, a hyphenated service name or alias)",
      "http: http://n:1, timeout: 10 | upstream.timeout: expected a duration, got \"10\"; write a unit, e.g. 30s",
  })
  void upstreamValuesAreChecked(String upstream, String message) {
    assertEquals(message, fileError("upstream: { " + upstream + " }\n"));
  }

  @Test
  void aKeyGivenTwiceIsRefused() {
    assertEquals("server.port: given twice",
        fileError(Yaml.UPSTREAM + "server:\n  port: 1\n  port: 2\n"));
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("nope.yaml");
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(Optional.of(missing), Map.of()));
    assertEquals(missing + ": no such file", e.getMessage());
  }

  @Test
  void invalidYamlIsNamedWithWhereItBreaks() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.yaml"), "upstream: [\n");
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(Optional.of(file), Map.of()));
    assertEquals(file + ": not valid YAML: expected the node content, but found '<stream end>'"
        + " at line 2, column 1", e.getMessage());
  }

  @Test
  void aYamlErrorDoesNotQuoteTheBrokenLine() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.yaml"), "auth:\n  apiKey: \"hunter2\n");
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(Optional.of(file), Map.of()));
    assertEquals(file + ": not valid YAML: found unexpected end of stream at line 3, column 1",
        e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"));
  }

  @Test
  void aTopLevelScalarIsNotAConfiguration() {
    assertTrue(fileError("just text\n").endsWith(": expected a mapping of keys at the top level"));
  }

  @Test
  void yamlAliasesAreRefusedRatherThanReadAsTheirName() {
    assertEquals("server.host: YAML aliases are not supported; write the value",
        fileError(Yaml.UPSTREAM + "metrics: { port: &p 9 }\nserver: { host: *p }\n"));
  }
}
