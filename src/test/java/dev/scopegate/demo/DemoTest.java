package dev.scopegate.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.scopegate.devnode.Scenario;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The demo does what its banner says: the printed credentials behave as described. */
@ExtendWith(VertxExtension.class)
class DemoTest {
  private Demo demo;
  private String banner;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    demo = Demo.start(vertx, Map.of("SCOPEGATE_SERVER_PORT", "0", "SCOPEGATE_METRICS_PORT", "0")).await(20, TimeUnit.SECONDS);
    banner = demo.banner();
  }

  @AfterEach
  void stop() throws Exception {
    demo.stop().await(10, TimeUnit.SECONDS);
  }

  private String printed(String name) {
    Matcher m = Pattern.compile("export " + name + "='([^']+)'").matcher(banner);
    assertTrue(m.find(), name + " is printed");
    return m.group(1);
  }

  private URI url() {
    Matcher m = Pattern.compile("JSON-RPC endpoint : (\\S+)").matcher(banner);
    assertTrue(m.find());
    return URI.create(m.group(1));
  }

  private JsonNode call(String header, String value, String body) {
    return Wire.json(Wire.post(url(), body, header, value));
  }

  @Test
  void bannerCredentialsBehaveAsDescribed() {
    assertEquals(URI.create("http://127.0.0.1:" + demo.port() + "/"), url());
    String a = "Bearer " + printed("TOKEN_A");
    String b = "Bearer " + printed("TOKEN_B");
    assertEquals("0x539", call("Authorization", a, Wire.call(1, "eth_chainId", "[]")).get("result").asText());
    assertEquals(
        "net_version - access denied",
        call("Authorization", b, Wire.call(2, "net_version", "[]")).get("error").get("message").asText());
    JsonNode batch =
        call("Authorization", b, "[" + Wire.call(3, "eth_blockNumber", "[]") + "," + Wire.call(4, "eth_chainId", "[]") + "]");
    assertTrue(batch.get(0).get("result").asText().startsWith("0x"));
    assertEquals("eth_chainId - access denied", batch.get(1).get("error").get("message").asText());
    JsonNode accounts = call("X-API-Key", printed("API_KEY"), Wire.call(5, "eth_accounts", "[]"));
    assertEquals(3, accounts.get("result").size());
    var scenario = demo.scenario();
    String codeA = call("Authorization", a, Wire.call(6, "eth_getCode",
        "[\"" + scenario.privateA().address() + "\",\"latest\"]")).get("result").asText();
    assertTrue(codeA.length() > 2, "A reads its contract's code: " + codeA);
    assertEquals("not authorized", call("Authorization", a, Wire.call(7, "eth_call",
        "[{\"to\":\"" + scenario.privateB().address() + "\",\"data\":\"0x\"},\"latest\"]"))
        .get("error").get("message").asText());
    assertEquals(List.of(scenario.ownerA().hex()), addresses(call("Authorization", a, Wire.call(10, "eth_accounts", "[]"))),
        "A acts as its own node account only");
    String operator = printed("API_KEY");
    JsonNode allLogs = call("X-API-Key", operator, Wire.call(9, "eth_getLogs", "[{\"fromBlock\":\"0x0\"}]")).get("result");
    // each tenant sees the logs of every contract it is party to, none of the others' (A's
    // reacher call logs in B's contract too, inside A's transaction: not B's to see)
    Set<Scenario.Deployed> visibleToB = Set.of(scenario.privateB(), scenario.shared(), scenario.publicContract());
    Set<Scenario.Deployed> visibleToA = new HashSet<>(scenario.contracts());
    visibleToA.remove(scenario.privateB());
    assertEquals(expectedLogs(allLogs, visibleToB, Set.of(scenario.reacher().call().hex())),
        call("Authorization", b, Wire.call(8, "eth_getLogs", "[{\"fromBlock\":\"0x0\"}]")).get("result"));
    assertEquals(expectedLogs(allLogs, visibleToA, Set.of()),
        call("Authorization", a, Wire.call(11, "eth_getLogs", "[{\"fromBlock\":\"0x0\"}]")).get("result"));
    HttpResponse<String> anonymous = Wire.post(url(), Wire.call(6, "eth_chainId", "[]"));
    assertEquals(401, anonymous.statusCode());
  }

  private static List<String> addresses(JsonNode answer) {
    List<String> list = new ArrayList<>();
    answer.get("result").forEach(account -> list.add(account.asText()));
    return list;
  }

  /** The operator's logs of these contracts, but for those emitted inside the hidden transactions. */
  private static JsonNode expectedLogs(JsonNode all, Set<Scenario.Deployed> visible, Set<String> hiddenTransactions) {
    Set<String> addresses = new HashSet<>();
    visible.forEach(d -> addresses.add(d.address().hex()));
    ArrayNode kept = Json.MAPPER.createArrayNode();
    for (JsonNode log : all) {
      if (addresses.contains(log.get("address").asText()) && !hiddenTransactions.contains(log.get("transactionHash").asText())) {
        kept.add(log);
      }
    }
    Set<String> logged = new HashSet<>();
    kept.forEach(log -> logged.add(log.get("address").asText()));
    assertEquals(addresses, logged, "every contract the tenant may see has a log to see");
    return kept;
  }

  @Test
  void bannerShowsTheCommandsToTry() {
    for (String expected :
        new String[] {"Authorization: Bearer $TOKEN_A", "X-API-Key: $API_KEY", "Ctrl-C"}) {
      assertTrue(banner.contains(expected), expected);
    }
  }
}
