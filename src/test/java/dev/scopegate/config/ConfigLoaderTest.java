package dev.scopegate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void everyKeyButTheUpstreamHasItsDocumentedDefault() {
    Config c = ConfigLoader.defaults(URI.create("http://node:22000"));

    assertEquals(new Config.Upstream(URI.create("http://node:22000"), Optional.empty(),
        Optional.empty(), Duration.ofSeconds(30)), c.upstream());
    assertEquals(new Config.Server("127.0.0.1", 8545, 5_242_880, 100, "",
        new Config.Cors(List.of()),
        new Config.Ws(false, List.of(), 5_242_880, 10_000, 100, Duration.ofSeconds(60))), c.server());
    assertEquals(new Config.Ipc(Optional.empty(), "0600", 5_242_880), c.ipc());
    assertEquals(new Config.Index(Path.of("data", "index").toAbsolutePath(), 0,
        Duration.ofSeconds(2), Duration.ofSeconds(1)), c.privacy().index());
    assertEquals(new Config.Auth("", new Config.Jwt(Optional.empty(), Optional.empty(),
        List.of(), List.of(), Duration.ofSeconds(30), Duration.ofSeconds(60), "")), c.auth());
    assertEquals(8082, c.metrics().port());
  }

  @Test
  void fileValuesReachTheRecords() {
    Config c = Yaml.load(dir, """
        upstream:
          http: https://node.example:8545/rpc
          ws: wss://node.example/ws
          privacyManager: unix:/run/tessera/tm.ipc
          timeout: 5s
        server:
          host: 0.0.0.0
          port: 9000
          maxBatchSize: 7
          cors: { allowedOrigins: [https://app.example, " https://b.example "] }
          ws: { queryToken: true, maxConnections: 3 }
        ipc: { path: run/scopegate.ipc }
        privacy: { index: { fromBlock: 1200 } }
        auth: { jwt: { jwksUrl: https://idp/jwks, issuers: [https://idp/], claimsNamespace: https://orchestrate.example } }
        metrics: { port: 0 }
        """);

    assertEquals(URI.create("https://node.example:8545/rpc"), c.upstream().http());
    assertEquals(Optional.of(URI.create("wss://node.example/ws")), c.upstream().ws());
    assertEquals(Optional.of("unix:/run/tessera/tm.ipc"), c.upstream().privacyManager());
    assertEquals(Duration.ofSeconds(5), c.upstream().timeout());
    assertEquals("0.0.0.0", c.server().host());
    assertEquals(9000, c.server().port());
    assertEquals(7, c.server().maxBatchSize());
    assertEquals(List.of("https://app.example", "https://b.example"),
        c.server().cors().allowedOrigins());
    assertEquals(true, c.server().ws().queryToken());
    assertEquals(3, c.server().ws().maxConnections());
    assertEquals(Optional.of(Path.of("run/scopegate.ipc").toAbsolutePath()), c.ipc().path());
    assertEquals(1200, c.privacy().index().fromBlock());
    assertEquals(Optional.of(URI.create("https://idp/jwks")), c.auth().jwt().jwksUrl());
    assertEquals(List.of("https://idp/"), c.auth().jwt().issuers());
    assertEquals("https://orchestrate.example", c.auth().jwt().claimsNamespace());
    assertEquals(0, c.metrics().port());
  }

  @Test
  void theEnvironmentWinsOverTheFile() {
    Config c = Yaml.load(dir, Yaml.UPSTREAM + "server: { port: 9000, host: 10.0.0.1 }\n",
        Map.of("SCOPEGATE_SERVER_PORT", "9100", "SCOPEGATE_UPSTREAM_HTTP", "http://other:1",
            "PATH", "/usr/bin"));

    assertEquals(9100, c.server().port());
    assertEquals("10.0.0.1", c.server().host());
    assertEquals(URI.create("http://other:1"), c.upstream().http());
  }

  @Test
  void anEmptyVariableClearsAnOptionalKeyFromTheFile() {
    Config c = Yaml.load(dir, Yaml.UPSTREAM + "  ws: ws://node:23000\n",
        Map.of("SCOPEGATE_UPSTREAM_WS", ""));

    assertEquals(Optional.empty(), c.upstream().ws());
  }

  @Test
  void listsFromTheEnvironmentAreCommaSeparatedTrimmedAndWithoutEmpties() {
    Config c = ConfigLoader.load(Optional.empty(), Map.of(
        "SCOPEGATE_UPSTREAM_HTTP", "http://node:22000",
        "SCOPEGATE_SERVER_CORS_ALLOWEDORIGINS", " https://a.example, ,https://b.example,",
        "SCOPEGATE_AUTH_JWT_AUDIENCES", ""));

    assertEquals(List.of("https://a.example", "https://b.example"),
        c.server().cors().allowedOrigins());
    assertEquals(List.of(), c.auth().jwt().audiences());
  }

  @Test
  void aTreeOfJavaValuesConfiguresLikeAFile() {
    Config c = ConfigLoader.fromMap(Map.of(
        "upstream", Map.of("http", URI.create("http://node:22000")),
        "server", Map.of("port", 0, "ws", Map.of("allowedOrigins", List.of("https://a")))),
        Map.of("SCOPEGATE_SERVER_MAXBATCHSIZE", "5"));

    assertEquals(0, c.server().port());
    assertEquals(List.of("https://a"), c.server().ws().allowedOrigins());
    assertEquals(5, c.server().maxBatchSize());
  }

  @Test
  void tracingIsOffUnlessAnEndpointIsSetAndARatioOutsideZeroToOneStopsStartup() {
    Config off = ConfigLoader.load(Optional.empty(), Map.of("SCOPEGATE_UPSTREAM_HTTP", "http://node:22000"));
    assertEquals(Config.Tracing.OFF, off.tracing());

    Config on = ConfigLoader.load(Optional.empty(), Map.of(
        "SCOPEGATE_UPSTREAM_HTTP", "http://node:22000",
        "SCOPEGATE_TRACING_OTLPENDPOINT", "http://collector:4318/v1/traces",
        "SCOPEGATE_TRACING_SAMPLERATIO", "0.25"));
    assertEquals(Optional.of(URI.create("http://collector:4318/v1/traces")), on.tracing().otlpEndpoint());
    assertEquals(0.25, on.tracing().sampleRatio());
    assertEquals("scopegate", on.tracing().serviceName());

    for (String ratio : List.of("1.5", "-0.1", "NaN", "half")) {
      ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.empty(), Map.of(
          "SCOPEGATE_UPSTREAM_HTTP", "http://node:22000", "SCOPEGATE_TRACING_SAMPLERATIO", ratio)));
      assertTrue(e.getMessage().startsWith("SCOPEGATE_TRACING_SAMPLERATIO: expected a number from 0 to 1"), e.getMessage());
    }
  }

  @Test
  void withoutTheUpstreamStartupStops() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(Optional.empty(), Map.of()));

    assertEquals("upstream.http: required; set it in the file or as SCOPEGATE_UPSTREAM_HTTP",
        e.getMessage());
  }

  @Test
  void anEmptyFileIsAnEmptyConfiguration() {
    ConfigException e = assertThrows(ConfigException.class, () -> Yaml.load(dir, "# nothing\n"));

    assertEquals("upstream.http: required; set it in the file or as SCOPEGATE_UPSTREAM_HTTP",
        e.getMessage());
    assertEquals(8545, Yaml.load(dir, "", Map.of("SCOPEGATE_UPSTREAM_HTTP", "http://n:1"))
        .server().port());
  }

  @Test
  void yamlNullIsAbsent() {
    Config c = Yaml.load(dir, Yaml.UPSTREAM + "server:\n  port: ~\n  host:\nmetrics:\n");

    assertEquals(8545, c.server().port());
    assertEquals("127.0.0.1", c.server().host());
  }
}
