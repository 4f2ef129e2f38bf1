package dev.scopegate.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.testing.Proxy;
import dev.scopegate.testing.ScriptedNode;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** JSON-RPC over HTTP as a client sees it: framing, ids, batches, limits, statuses, CORS. */
@ExtendWith(VertxExtension.class)
class HttpWireTest {
  private Vertx vertx;
  private ScriptedNode node;
  private Proxy proxy;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    node = ScriptedNode.start(vertx);
    node.echo();
    proxy = startProxy(TestConfigs.server(1024, 4, List.of("https://dapp.example")));
  }

  private Proxy startProxy(dev.scopegate.config.Config.Server server) throws Exception {
    var config =
        TestConfigs.config(node.url(), TestConfigs.jwt(Optional.empty(), Optional.empty()));
    Proxy started = Proxy.start(vertx, TestConfigs.withServer(config, server));
    node.received().clear(); // what Scopegate asked the node at start
    return started;
  }

  @AfterEach
  void stop() throws Exception {
    proxy.close();
    node.close().await(10, TimeUnit.SECONDS);
  }

  private static JsonNode json(HttpResponse<String> response) {
    return Wire.json(response);
  }

  @Test
  void singleCall() {
    HttpResponse<String> response = proxy.operator(Wire.call(1, "eth_chainId", "[]"));
    assertEquals(200, response.statusCode());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
    assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"eth_chainId\"}", response.body());
  }

  @Test
  void idsComeBackByteForByte() {
    for (String id : List.of("1e2", "-0", "1.5e-3", "1E+2", "0.10", "-12.50e+07", "18446744073709551616123")) {
      String single = proxy.operator(
          "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"net_version\"}").body();
      assertTrue(single.contains("\"id\":" + id + ","), single);
      String batch = proxy.operator("[{\"jsonrpc\":\"2.0\",\"id\":" + id
          + ",\"method\":\"net_version\"},{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":7}]").body();
      assertEquals(2, batch.split("\"id\":" + java.util.regex.Pattern.quote(id) + ",", -1).length - 1, batch);
    }
  }

  @Test
  void idsAreEchoedExactly() {
    for (String id :
        List.of("\"abc\"", "null", "0", "-1", "18446744073709551616123", "1.50", "1e400")) {
      String body = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"net_version\"}";
      JsonNode answer = json(proxy.operator(body));
      String expected =
          Json.string(Json.MAPPER.createObjectNode().set("id", readTree(id)));
      assertEquals(expected, Json.string(Json.MAPPER.createObjectNode().set("id", answer.get("id"))));
      assertEquals("net_version", answer.get("result").asText());
    }
  }

  private static JsonNode readTree(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void notificationsAreForwardedAndGet204() throws Exception {
    HttpResponse<String> single = proxy.operator("{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"}");
    assertEquals(204, single.statusCode());
    assertEquals("", single.body());
    HttpResponse<String> batch =
        proxy.operator(
            "[{\"jsonrpc\":\"2.0\",\"method\":\"a_b\"},{\"jsonrpc\":\"2.0\",\"method\":\"c_d\"}]");
    assertEquals(204, batch.statusCode());
    assertTrue(node.received().poll(5, TimeUnit.SECONDS).body().contains("eth_chainId"));
    String forwarded = node.received().poll(5, TimeUnit.SECONDS).body();
    assertTrue(forwarded.contains("a_b") && forwarded.contains("c_d"), forwarded);
    assertFalse(forwarded.contains("\"id\""), "notifications stay notifications: " + forwarded);
  }

  @Test
  void batchKeepsOrderAndAnswersNotificationsWithNothing() throws Exception {
    String body =
        "[" + Wire.call(3, "c_c", "[]") + ",{\"jsonrpc\":\"2.0\",\"method\":\"n_n\"},"
            + Wire.call(1, "a_a", "[]") + "," + Wire.call(1, "b_b", "[]") + "]";
    JsonNode answers = json(proxy.operator(body));
    assertEquals(3, answers.size());
    assertEquals("c_c", answers.get(0).get("result").asText());
    assertEquals(3, answers.get(0).get("id").asInt());
    assertEquals("a_a", answers.get(1).get("result").asText());
    assertEquals("b_b", answers.get(2).get("result").asText());
    assertEquals(1, answers.get(2).get("id").asInt());
    JsonNode forwarded = Json.MAPPER.readTree(node.received().poll(5, TimeUnit.SECONDS).body());
    assertTrue(forwarded.isArray(), "one upstream batch");
    assertEquals(4, forwarded.size());
  }

  @Test
  void malformedJson() {
    HttpResponse<String> response = proxy.operator("{\"jsonrpc\":\"2.0\",");
    assertEquals(200, response.statusCode());
    assertEquals(-32700, json(response).get("error").get("code").asInt());
    assertTrue(json(response).get("id").isNull());
  }

  @Test
  void notARequest() {
    assertEquals(-32600, json(proxy.operator("\"hello\"")).get("error").get("code").asInt());
    assertEquals(-32600, json(proxy.operator("[]")).get("error").get("code").asInt());
    assertEquals(-32600, json(proxy.operator("{\"id\":1}")).get("error").get("code").asInt());
  }

  @Test
  void badElementsGetTheirOwnErrorsAndTheRestProceeds() throws Exception {
    String body =
        "[1, {\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"x_y\",\"params\":{\"a\":1,\"a\":2}},"
            + Wire.call(6, "eth_chainId", "[]") + "]";
    JsonNode answers = json(proxy.operator(body));
    assertEquals(3, answers.size());
    assertEquals(-32600, answers.get(0).get("error").get("code").asInt());
    assertEquals(-32600, answers.get(1).get("error").get("code").asInt());
    assertEquals("invalid request: duplicate key", answers.get(1).get("error").get("message").asText());
    assertEquals("eth_chainId", answers.get(2).get("result").asText());
    String forwarded = node.received().poll(5, TimeUnit.SECONDS).body();
    assertFalse(forwarded.contains("x_y"), "a request with a duplicate key is never forwarded");
  }

  @Test
  void bodyLimitIs413WithAJsonRpcError() {
    String big = Wire.call(1, "eth_chainId", "[\"" + "a".repeat(2000) + "\"]");
    HttpResponse<String> response = proxy.operator(big);
    assertEquals(413, response.statusCode());
    assertEquals("request body too large", json(response).get("error").get("message").asText());
    assertEquals(200, proxy.operator(Wire.call(2, "eth_chainId", "[]")).statusCode());
  }

  @Test
  void batchLimit() {
    String body =
        "[" + String.join(",", java.util.Collections.nCopies(5, Wire.call(1, "a_b", "[]"))) + "]";
    JsonNode answer = json(proxy.operator(body));
    assertTrue(answer.isObject(), "one error for the whole batch");
    assertEquals(-32005, answer.get("error").get("code").asInt());
    assertEquals("batch too large", answer.get("error").get("message").asText());
    assertNull(node.received().peek(), "nothing forwarded");
  }

  @Test
  void otherPathsAndVerbs() {
    assertEquals(404, Wire.post(proxy.url().resolve("/other"), "{}").statusCode());
    HttpResponse<String> get = Wire.send(HttpRequest.newBuilder(proxy.url()).GET().build());
    assertEquals(405, get.statusCode());
    HttpResponse<String> put =
        Wire.send(HttpRequest.newBuilder(proxy.url()).PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
    assertEquals(405, put.statusCode());
  }

  @Test
  void corsForListedOriginsOnly() {
    HttpResponse<String> preflight = preflight(proxy.url(), "https://dapp.example");
    assertEquals(204, preflight.statusCode());
    assertEquals("https://dapp.example", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    String allowed = preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("");
    assertTrue(allowed.contains("Authorization") && allowed.contains("X-API-Key") && allowed.contains("Content-Type"));

    HttpResponse<String> other = preflight(proxy.url(), "https://evil.example");
    assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty());

    HttpResponse<String> call =
        proxy.post(Wire.call(1, "eth_chainId", "[]"), "X-API-Key", TestConfigs.API_KEY, "Origin", "https://dapp.example");
    assertEquals("https://dapp.example", call.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    HttpResponse<String> otherCall =
        proxy.post(Wire.call(1, "eth_chainId", "[]"), "X-API-Key", TestConfigs.API_KEY, "Origin", "https://evil.example");
    assertEquals(200, otherCall.statusCode(), "served, only without CORS headers");
    assertTrue(otherCall.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
  }

  @Test
  void noCorsHeadersWhenNoOriginIsConfigured() throws Exception {
    proxy.close();
    proxy = startProxy(TestConfigs.server(1024, 3, List.of()));
    HttpResponse<String> call =
        proxy.post(Wire.call(1, "eth_chainId", "[]"), "X-API-Key", TestConfigs.API_KEY, "Origin", "https://dapp.example");
    assertTrue(call.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
  }

  private static HttpResponse<String> preflight(URI url, String origin) {
    return Wire.send(
        HttpRequest.newBuilder(url)
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization,content-type")
            .build());
  }
}
