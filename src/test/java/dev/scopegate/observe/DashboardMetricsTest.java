package dev.scopegate.observe;

import static dev.scopegate.devnode.DevTessera.KA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.Wire;
import dev.scopegate.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The metrics the operations issue asked for exist and move with traffic, and the Grafana
 * dashboard in docs/ queries only metrics that a real scrape carries.
 */
@ExtendWith(VertxExtension.class)
class DashboardMetricsTest {
  private static final Path DASHBOARD = Path.of("docs", "grafana-dashboard.json");
  private static final Pattern METRIC = Pattern.compile("\\b((?:scopegate|cache|jvm|process)_[a-z0-9_]+)");
  private static final Pattern SAMPLE = Pattern.compile("^(\\w+)(?:\\{([^}]*)\\})? (\\S+)$");

  private Stack stack;
  private WsClient ws;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    dev.scopegate.devnode.DevNode node = dev.scopegate.devnode.DevNode.start(vertx,
        dev.scopegate.devnode.DevNodeOptions.defaults()).await(10, java.util.concurrent.TimeUnit.SECONDS);
    stack = Stack.start(vertx, node, c -> dev.scopegate.testing.TestConfigs.withUpstreamWs(c, node.wsUrl()));
    stack.awaitIndexed();
    String token = stack.token("rpc://eth_*", "private://0x0/_/contracts?owned.eoa=0x0&from.tm="
        + KA.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D"));
    stack.proxy().tenant(token, Wire.call(1, "eth_getCode", "[\"0x00000000000000000000000000000000000000cc\",\"latest\"]"));
    stack.proxy().tenant(token, Wire.call(2, "net_version", "[]"));
    assertEquals(401, stack.proxy().post(Wire.call(4, "eth_chainId", "[]")).statusCode());
    ws = WsClient.connect(URI.create("ws://127.0.0.1:" + stack.proxy().scopegate().httpPort() + "/"),
        "Authorization", "Bearer " + token);
    JsonNode subscribed = ws.call(Wire.call(3, "eth_subscribe", "[\"newHeads\"]"));
    assertTrue(subscribed.has("result"), subscribed.toString());
  }

  @AfterEach
  void stop() throws Exception {
    ws.close();
    stack.close();
  }

  private String scrape() {
    URI uri = URI.create("http://127.0.0.1:" + stack.proxy().scopegate().metricsPort() + "/metrics");
    return Wire.send(HttpRequest.newBuilder(uri).GET().build()).body();
  }

  /** The sum of the samples named {@code name} whose labels include every {@code labels} pair. */
  private static double sum(String scrape, String name, String... labels) {
    double total = 0;
    for (String line : scrape.split("\n")) {
      Matcher m = SAMPLE.matcher(line);
      if (m.matches() && m.group(1).equals(name)
          && List.of(labels).stream().allMatch(l -> m.group(2) != null && m.group(2).contains(l))) {
        total += Double.parseDouble(m.group(3));
      }
    }
    return total;
  }

  @Test
  void theNewMetricsMoveWithTraffic() {
    String scrape = scrape();
    assertEquals(1, sum(scrape, "scopegate_ws_subscriptions"), "one subscription open");
    assertEquals(1, sum(scrape, "scopegate_denials_total", "reason=\"access_denied\"", "transport=\"http\""));
    assertEquals(0, sum(scrape, "scopegate_denials_total", "reason=\"not_authorized\""));
    assertTrue(sum(scrape, "scopegate_upstream_duration_seconds_count", "transport=\"http\"", "principal=\"tenant\"") >= 1);
    assertTrue(sum(scrape, "cache_gets_total", "cache=\"privacy_metadata\"", "result=\"miss\"") >= 1, "a fact looked up");
    assertTrue(scrape.contains("scopegate_privacy_index_lag_blocks "), "index lag");
    assertEquals(1, sum(scrape, "scopegate_auth_refusals_total", "reason=\"missing_token\""));
  }

  @Test
  void everyPanelQueriesOnlyMetricsThatAScrapeCarries() throws Exception {
    JsonNode dashboard = Json.read(Files.readAllBytes(DASHBOARD));
    Set<String> scraped = new TreeSet<>();
    for (String line : scrape().split("\n")) {
      Matcher m = SAMPLE.matcher(line);
      if (m.matches()) {
        scraped.add(m.group(1));
      }
    }
    List<String> missing = new ArrayList<>();
    assertTrue(dashboard.get("panels").size() >= 10, "the dashboard has its panels");
    for (JsonNode panel : dashboard.get("panels")) {
      assertTrue(panel.get("targets").size() > 0, panel.get("title").asText());
      for (JsonNode target : panel.get("targets")) {
        String expr = target.get("expr").asText();
        Matcher names = METRIC.matcher(expr);
        assertTrue(names.find(), "a query names a metric: " + expr);
        names.reset();
        while (names.find()) {
          if (!scraped.contains(names.group(1))) {
            missing.add(panel.get("title").asText() + ": " + names.group(1));
          }
        }
      }
    }
    assertEquals(List.of(), missing);
  }
}
