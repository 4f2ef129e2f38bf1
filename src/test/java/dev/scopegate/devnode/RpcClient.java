package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.jsonrpc.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** A plain JSON-RPC client over java.net.http, as an outside caller would speak to the node. */
final class RpcClient {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI url;
  private final AtomicInteger ids = new AtomicInteger();

  RpcClient(URI url) {
    this.url = url;
  }

  HttpResponse<String> post(String body) {
    return send(
        request()
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpRequest.Builder request() {
    return HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10));
  }

  /** The whole response object of one call with a fresh numeric id. */
  JsonNode call(String method, Object... params) {
    int id = ids.incrementAndGet();
    ObjectNode request =
        Json.MAPPER.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
    request.set("params", Json.MAPPER.valueToTree(Arrays.asList(params)));
    HttpResponse<String> response = post(Json.string(request));
    assertEquals(200, response.statusCode(), response.body());
    JsonNode answer = parse(response.body());
    assertEquals("2.0", answer.path("jsonrpc").asText());
    assertEquals(id, answer.path("id").asInt());
    return answer;
  }

  /** The result of a call that must succeed. */
  JsonNode result(String method, Object... params) {
    JsonNode answer = call(method, params);
    assertFalse(answer.has("error"), () -> method + " failed: " + answer);
    assertTrue(answer.has("result"), answer::toString);
    return answer.get("result");
  }

  /** The error object of a call that must fail. */
  JsonNode error(String method, Object... params) {
    JsonNode answer = call(method, params);
    assertTrue(answer.has("error"), () -> method + " did not fail: " + answer);
    assertFalse(answer.has("result"), answer::toString);
    return answer.get("error");
  }

  static JsonNode parse(String body) {
    try {
      return Json.read(body.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
