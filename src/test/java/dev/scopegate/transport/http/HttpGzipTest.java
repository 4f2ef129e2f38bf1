package dev.scopegate.transport.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.testing.Proxy;
import dev.scopegate.testing.ScriptedNode;
import dev.scopegate.testing.TestConfigs;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * gzip of answers over the wire, read as raw bytes (java.net.http does not inflate): gzip when the
 * client names it and the answer is large, never otherwise, and the inflated body is the very
 * answer an uncompressed request gets.
 */
@ExtendWith(VertxExtension.class)
class HttpGzipTest {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  /** A result long enough that its answer passes GzipReply.MIN_BYTES. */
  private static final String LONG_RESULT = "0x" + "6080604052".repeat(400);

  private ScriptedNode node;
  private Proxy proxy;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    node = ScriptedNode.start(vertx);
    node.answer((request, body) -> {
      JsonNode root = Json.MAPPER.readTree(body.getBytes());
      ArrayNode answers = Json.MAPPER.createArrayNode();
      for (JsonNode call : root.isArray() ? root : List.of(root)) {
        ObjectNode answer = answers.addObject().put("jsonrpc", "2.0");
        answer.set("id", call.get("id"));
        answer.put("result", call.path("method").asText().equals("eth_getCode") ? LONG_RESULT : "0x1");
      }
      request.response().putHeader("Content-Type", "application/json")
          .end(Json.buffer(root.isArray() ? answers : answers.get(0)));
    });
    var config = TestConfigs.config(node.url(), TestConfigs.jwt(Optional.empty(), Optional.empty()));
    proxy = Proxy.start(vertx, config);
  }

  @AfterEach
  void stop() throws Exception {
    proxy.close();
    node.close().await(10, TimeUnit.SECONDS);
  }

  private static final String LARGE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getCode\",\"params\":[\"0x00000000000000000000000000000000000000aa\",\"latest\"]}";
  private static final String SMALL = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"params\":[]}";

  private HttpResponse<byte[]> post(String body, String acceptEncoding) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(proxy.url())
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .header("X-API-Key", TestConfigs.API_KEY)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (acceptEncoding != null) {
      request.header("Accept-Encoding", acceptEncoding);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String inflate(byte[] gzipped) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Optional<String> encoding(HttpResponse<?> response) {
    return response.headers().firstValue("Content-Encoding");
  }

  @Test
  void aLargeAnswerIsGzippedWhenAskedForAndIsTheSameAnswer() throws Exception {
    HttpResponse<byte[]> plain = post(LARGE, null);
    assertEquals(200, plain.statusCode());
    assertEquals(Optional.empty(), encoding(plain));
    String expected = new String(plain.body(), StandardCharsets.UTF_8);
    assertTrue(expected.contains(LONG_RESULT), expected);
    // as clients send it: Go's net/http, node's fetch (undici), OkHttp, curl --compressed
    for (String accept : List.of("gzip", "br, gzip, deflate", "deflate, gzip;q=0.5", "GZIP", "x-gzip", "*")) {
      HttpResponse<byte[]> zipped = post(LARGE, accept);
      assertEquals(200, zipped.statusCode(), accept);
      assertEquals(Optional.of("gzip"), encoding(zipped), accept);
      assertTrue(zipped.body().length < plain.body().length / 4, accept + ": " + zipped.body().length);
      assertEquals(Optional.of(String.valueOf(zipped.body().length)),
          zipped.headers().firstValue("Content-Length"), accept);
      assertEquals(expected, inflate(zipped.body()), accept);
    }
  }

  @Test
  void aBatchAnswerIsGzippedWhole() throws Exception {
    String batch = "[" + LARGE + "," + SMALL.replace("\"id\":1", "\"id\":2") + "]";
    String expected = new String(post(batch, null).body(), StandardCharsets.UTF_8);
    HttpResponse<byte[]> zipped = post(batch, "gzip");
    assertEquals(Optional.of("gzip"), encoding(zipped));
    JsonNode answers = Json.MAPPER.readTree(inflate(zipped.body()));
    assertEquals(2, answers.size());
    assertEquals(expected, inflate(zipped.body()));
  }

  @Test
  void nothingIsGzippedThatWasNotAskedForOrIsSmall() throws Exception {
    // refused, unknown or unreadable weights: answered as they are, never an error
    for (String accept : List.of("", "identity", "deflate", "br", "gzip;q=0", "gzip;q=0, *", "*;q=0",
        "gzip;q=nonsense", "gzip;q=NaN", "gzip;q=2", "gzipx", ",,,;;;", "gzip;q=0.000")) {
      HttpResponse<byte[]> answer = post(LARGE, accept);
      assertEquals(200, answer.statusCode(), accept);
      assertEquals(Optional.empty(), encoding(answer), accept);
      assertTrue(new String(answer.body(), StandardCharsets.UTF_8).contains(LONG_RESULT), accept);
    }
    // a short answer stays as it is though gzip is welcome
    HttpResponse<byte[]> small = post(SMALL, "gzip");
    assertEquals(Optional.empty(), encoding(small));
    assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"}", new String(small.body(), StandardCharsets.UTF_8));
  }

  @Test
  void errorsAndRefusalsAreNotAffected() throws Exception {
    HttpResponse<byte[]> malformed = post("{\"jsonrpc\":", "gzip");
    assertEquals(Optional.empty(), encoding(malformed));
    assertTrue(new String(malformed.body(), StandardCharsets.UTF_8).contains("-32700"));
    HttpRequest noKey = HttpRequest.newBuilder(proxy.url()).header("Content-Type", "application/json")
        .header("Accept-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofString(LARGE)).build();
    HttpResponse<byte[]> refused = CLIENT.send(noKey, HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(401, refused.statusCode());
    assertEquals(Optional.empty(), encoding(refused));
    assertFalse(new String(refused.body(), StandardCharsets.UTF_8).contains(LONG_RESULT));
  }

  @Test
  void theAcceptEncodingGrammar() throws IOException {
    assertTrue(GzipReply.accepted("gzip"));
    assertTrue(GzipReply.accepted(" deflate , gzip ; q=0.1"));
    assertTrue(GzipReply.accepted("gzip;level=1;q=1"));
    assertTrue(GzipReply.accepted("*;q=0.3"));
    assertTrue(GzipReply.accepted("gzip;q=0, gzip")); // named twice: either weight lets it
    assertFalse(GzipReply.accepted(null));
    assertFalse(GzipReply.accepted("gzip;q=0, *"));
    assertFalse(GzipReply.accepted("gzip;Q=0"));
    assertFalse(GzipReply.accepted("gzip;q=-1"));
    assertFalse(GzipReply.accepted("gzip;q=Infinity"));
    assertFalse(GzipReply.accepted("gzip; q"));
    byte[] big = "x".repeat(5000).getBytes(StandardCharsets.UTF_8);
    byte[] zipped = GzipReply.gzip(io.vertx.core.buffer.Buffer.buffer(big)).getBytes();
    assertTrue(zipped.length < 100, "5 000 repeated bytes gzip to " + zipped.length);
    assertArrayEquals(big, inflate(zipped).getBytes(StandardCharsets.UTF_8));
  }
}
