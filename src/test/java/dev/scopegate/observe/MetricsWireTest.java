package dev.scopegate.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.Scopegate;
import dev.scopegate.testing.IpcClient;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import dev.scopegate.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Prometheus metrics on their own port, read as a scraper reads them, after calls on every transport. */
@ExtendWith(VertxExtension.class)
class MetricsWireTest {
  private static final Pattern SAMPLE = Pattern.compile("^(\\w+)(?:\\{([^}]*)\\})? (\\S+)$");

  @TempDir Path dir;
  private Stack stack;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    stack = Stack.start(vertx, c -> TestConfigs.withIpc(c, dir.resolve("sg.ipc")));
  }

  @AfterEach
  void stop() throws Exception {
    stack.close();
  }

  private URI metricsUrl(String path) {
    return URI.create("http://127.0.0.1:" + stack.proxy().scopegate().metricsPort() + path);
  }

  private HttpResponse<String> scrape() {
    return Wire.send(HttpRequest.newBuilder(metricsUrl("/metrics")).GET().build());
  }

  /** The value of the one sample named {@code name} whose labels are exactly {@code labels}; 0 when absent. */
  private double sample(String name, Map<String, String> labels) {
    double found = 0;
    int matches = 0;
    for (String line : scrape().body().split("\n")) {
      Matcher m = SAMPLE.matcher(line);
      if (!m.matches() || !m.group(1).equals(name)) {
        continue;
      }
      if (parseLabels(m.group(2)).equals(labels)) {
        found = Double.parseDouble(m.group(3));
        matches++;
      }
    }
    assertTrue(matches <= 1, "one series for " + name + labels);
    return found;
  }

  private static Map<String, String> parseLabels(String text) {
    var labels = new java.util.TreeMap<String, String>();
    if (text == null || text.isEmpty()) {
      return labels;
    }
    Matcher m = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(text);
    while (m.find()) {
      labels.put(m.group(1), m.group(2));
    }
    return labels;
  }

  private static Map<String, String> call(String transport, String principal, String method, String result) {
    return new java.util.TreeMap<>(Map.of(
        "transport", transport, "principal", principal, "method", method, "result", result));
  }

  @Test
  void theScrapeIsPrometheusTextWithTheServersAndTheJvmsFigures() throws Exception {
    HttpResponse<String> response = scrape();
    assertEquals(200, response.statusCode());
    assertEquals("text/plain; version=0.0.4; charset=utf-8",
        response.headers().firstValue("Content-Type").orElse(""));
    String body = response.body();
    assertTrue(body.contains("# TYPE scopegate_ws_connections gauge"), body);
    assertTrue(body.contains("jvm_memory_used_bytes"), "JVM figures are scraped too");
    stack.awaitIndexed();
    assertEquals(stack.node().chain().head().number(),
        (long) sample("scopegate_privacy_index_block", Map.of()), "the index's last block");
    assertEquals(0, sample("scopegate_privacy_index_lag_blocks", Map.of()));
  }

  @Test
  void everyCallIsCountedByTransportPrincipalMethodAndResult() throws Exception {
    String token = stack.token("rpc://eth_*");
    stack.proxy().tenant(token, Wire.call(1, "eth_chainId", "[]"));
    stack.proxy().tenant(token, "[" + Wire.call(2, "eth_chainId", "[]") + ","
        + Wire.call(3, "net_version", "[]") + "," + Wire.call(4, "no_suchMethod", "[]") + "]");
    stack.proxy().operator(Wire.call(5, "net_version", "[]"));
    stack.proxy().post(Wire.call(6, "eth_chainId", "[]")); // no credentials
    stack.proxy().post(Wire.call(7, "eth_chainId", "[]"), "Authorization", "Bearer not.a.token");

    assertEquals(2, sample("scopegate_calls_total", call("http", "tenant", "eth_chainId", "ok")));
    assertEquals(1, sample("scopegate_calls_total", call("http", "tenant", "net_version", "-32001")));
    assertEquals(1, sample("scopegate_calls_total", call("http", "tenant", "other", "-32001")),
        "a method outside the table is counted as other, never by its name");
    assertEquals(1, sample("scopegate_calls_total", call("http", "operator", "net_version", "ok")));
    assertEquals(2, sample("scopegate_request_duration_seconds_count",
        Map.of("principal", "tenant", "transport", "http")), "one duration per body");
    assertEquals(1, sample("scopegate_auth_refusals_total",
        Map.of("reason", "missing_token", "transport", "http")));
    assertEquals(1, sample("scopegate_auth_refusals_total",
        Map.of("reason", "invalid_token", "transport", "http")));
    assertFalse(scrape().body().contains("no_suchMethod"));
  }

  @Test
  void tenantsCallsAreCountedByTenantOperatorsNot() throws Exception {
    String acme = stack.tokenFor("acme-client", "rpc://eth_*");
    stack.proxy().tenant(acme, "[" + Wire.call(1, "eth_chainId", "[]") + "," + Wire.call(2, "net_version", "[]") + "]");
    stack.proxy().tenant(stack.tokenFor("globex-client", "rpc://eth_*"), Wire.call(3, "eth_chainId", "[]"));
    stack.proxy().operator(Wire.call(4, "eth_chainId", "[]"));

    assertEquals(2, sample("scopegate_tenant_calls_total", Map.of("tenant", "acme-client", "transport", "http")),
        "each call of a batch counts, refused ones too");
    assertEquals(1, sample("scopegate_tenant_calls_total", Map.of("tenant", "globex-client", "transport", "http")));
    assertFalse(scrape().body().contains("tenant=\"api-key\""), "operators are not tenants");
  }

  @Test
  void aRefusedNotificationIsCountedAsItsRefusal() throws Exception {
    String token = stack.token("rpc://eth_*");
    String refused = "{\"jsonrpc\":\"2.0\",\"method\":\"net_version\",\"params\":[]}";
    String forwarded = "{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\",\"params\":[]}";
    assertEquals(204, stack.proxy().tenant(token, refused).statusCode());
    assertEquals(204, stack.proxy().tenant(token, forwarded).statusCode());
    assertEquals(1, sample("scopegate_calls_total", call("http", "tenant", "net_version", "-32001")));
    assertEquals(0, sample("scopegate_calls_total", call("http", "tenant", "net_version", "notification")));
    assertEquals(1, sample("scopegate_calls_total", call("http", "tenant", "eth_chainId", "notification")));
  }

  @Test
  void webSocketAndIpcCallsAreCountedUnderTheirTransport() throws Exception {
    WsClient ws = WsClient.connect(stack.proxy().url(), "Authorization", "Bearer " + stack.token("rpc://eth_*"));
    assertEquals("0x539", ws.call(Wire.call(1, "eth_chainId", "[]")).get("result").asText());
    assertEquals(1, sample("scopegate_ws_connections", Map.of()));
    assertEquals(1, sample("scopegate_calls_total", call("ws", "tenant", "eth_chainId", "ok")));
    ws.close();

    try (IpcClient ipc = IpcClient.connect(dir.resolve("sg.ipc"))) {
      ipc.send(Wire.call(2, "eth_chainId", "[]") + "\n");
      assertEquals("0x539", ipc.json().get("result").asText());
    }
    assertEquals(1, sample("scopegate_calls_total", call("ipc", "operator", "eth_chainId", "ok")));
  }

  @Test
  void onlyGetMetricsIsServedAndTheRpcPortServesNoMetrics() {
    assertEquals(404, Wire.send(HttpRequest.newBuilder(metricsUrl("/")).GET().build()).statusCode());
    assertEquals(405, Wire.send(HttpRequest.newBuilder(metricsUrl("/metrics"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build()).statusCode());
    URI rpcMetrics = stack.proxy().url().resolve("/metrics");
    assertEquals(404, Wire.send(HttpRequest.newBuilder(rpcMetrics).GET().build()).statusCode());
  }

  @Test
  void aMetricsPortInUseStopsTheStartNamingTheKey(Vertx vertx) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      var config = TestConfigs.withMetricsPort(
          TestConfigs.config(stack.node().httpUrl(), TestConfigs.jwt(Optional.empty(), Optional.empty())),
          taken.getLocalPort());
      Exception failure = assertThrows(Exception.class,
          () -> Scopegate.start(vertx, config).await(20, TimeUnit.SECONDS));
      assertEquals("metrics.port 127.0.0.1:" + taken.getLocalPort()
          + " is in use; set SCOPEGATE_METRICS_PORT or --metrics-port", failure.getMessage());
    }
  }
}
