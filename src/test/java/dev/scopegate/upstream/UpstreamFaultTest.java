package dev.scopegate.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.Scopegate;
import dev.scopegate.testing.ScriptedNode;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The node misbehaves; Scopegate answers clearly and stays healthy. */
@ExtendWith(VertxExtension.class)
class UpstreamFaultTest {
  private static final String CHAIN_ID = Wire.call(7, "eth_chainId", "[]");

  private Vertx vertx;
  private ScriptedNode node;
  private Scopegate proxy;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    node = ScriptedNode.start(vertx);
    proxy = startProxy(node.url(), Duration.ofMillis(500));
  }

  private Scopegate startProxy(URI upstream, Duration timeout) throws Exception {
    var config =
        TestConfigs.withTimeout(
            TestConfigs.config(upstream, TestConfigs.jwt(Optional.empty(), Optional.empty())),
            timeout);
    return Scopegate.start(vertx, config).await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    proxy.stop().await(10, TimeUnit.SECONDS);
    node.close().await(10, TimeUnit.SECONDS);
  }

  private URI proxyUrl() {
    return URI.create("http://127.0.0.1:" + proxy.httpPort() + "/");
  }

  private HttpResponse<String> operatorCall(String body) {
    return Wire.post(proxyUrl(), body, "X-API-Key", TestConfigs.API_KEY);
  }

  private static void assertError(HttpResponse<String> response, int status, int code) {
    assertEquals(status, response.statusCode(), response.body());
    JsonNode error = Wire.json(response).get("error");
    assertNotNull(error, response.body());
    assertEquals(code, error.get("code").asInt());
    assertFalse(response.body().contains("Exception"), "no Java exception text: " + response.body());
  }

  @Test
  void nodeDownIs502() throws Exception {
    HttpServer placeholder = vertx.createHttpServer().requestHandler(r -> {}).listen(0).await();
    int deadPort = placeholder.actualPort();
    placeholder.close().await();
    proxy.stop().await(10, TimeUnit.SECONDS);
    proxy = startProxy(URI.create("http://127.0.0.1:" + deadPort + "/"), Duration.ofSeconds(5));
    HttpResponse<String> response = operatorCall(CHAIN_ID);
    assertError(response, 502, -32010);
    assertEquals(7, Wire.json(response).get("id").asInt());
  }

  @Test
  void silentNodeIs504AndProxyStaysHealthy() {
    node.answer((request, body) -> {}); // never answers
    assertError(operatorCall(CHAIN_ID), 504, -32011);
    node.answer("{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":\"0x539\"}");
    HttpResponse<String> after = operatorCall(CHAIN_ID);
    assertEquals(200, after.statusCode());
    assertEquals("0x539", Wire.json(after).get("result").asText());
  }

  @Test
  void garbageIs502() {
    node.answer("<html>oops</html>");
    assertError(operatorCall(CHAIN_ID), 502, -32012);
  }

  @Test
  void httpErrorIs502NamingTheStatus() {
    node.answer((r, b) -> r.response().setStatusCode(500).end("{\"error\":\"boom\"}"));
    HttpResponse<String> response = operatorCall(CHAIN_ID);
    assertError(response, 502, -32012);
    assertTrue(Wire.json(response).get("error").get("data").asText().contains("500"));
  }

  @Test
  void droppedConnectionIs502() {
    node.answer((r, b) -> r.connection().close());
    assertError(operatorCall(CHAIN_ID), 502, -32010);
  }

  @Test
  void answerMissingForOneCallOfABatch() {
    node.answer("[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"}]");
    HttpResponse<String> response =
        operatorCall("[" + Wire.call(10, "eth_chainId", "[]") + "," + Wire.call(11, "net_version", "[]") + "]");
    assertEquals(200, response.statusCode());
    JsonNode body = Wire.json(response);
    assertEquals(-32012, body.get(0).get("error").get("code").asInt());
    assertEquals(10, body.get(0).get("id").asInt());
    assertEquals("0x1", body.get(1).get("result").asText());
    assertEquals(11, body.get(1).get("id").asInt());
  }

  @Test
  void credentialsAreNeverForwarded() throws Exception {
    node.answer("{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":\"0x539\"}");
    Wire.post(
        proxyUrl(), CHAIN_ID, "X-API-Key", TestConfigs.API_KEY, "Authorization", "Bearer abc.def.ghi");
    ScriptedNode.Received received;
    do {
      received = node.received().poll(5, TimeUnit.SECONDS);
      assertNotNull(received, "the call reached the node");
    } while (!received.body().contains("eth_chainId"));
    assertFalse(received.headers().contains("Authorization"));
    assertFalse(received.headers().contains("X-API-Key"));
    assertFalse(received.body().contains(TestConfigs.API_KEY));
  }
}
