package dev.scopegate.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.Scopegate;
import dev.scopegate.auth.TokenMinter;
import dev.scopegate.config.Config;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.pipeline.CallTracer;
import dev.scopegate.testing.ScriptedNode;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tracing through the wire, against a node with several private states: a tenant's call is a
 * span with the forward as its child, the node receives that trace's {@code traceparent}, a
 * client's {@code traceparent} is continued, and no attribute carries the token, the API key or
 * a parameter. Off, nothing is created and the node sees no trace header at all.
 */
@ExtendWith(VertxExtension.class)
class TracingWireTest {
  private static final String CLIENT_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CLIENT_PARENT = "00-" + CLIENT_TRACE + "-00f067aa0ba902b7-01";
  private static final String SECRET_PARAM = "0x5ec2e7";

  private Vertx vertx;
  private ScriptedNode node;
  private Scopegate proxy;
  private TokenMinter minter;
  private Path dir;
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    node = ScriptedNode.start(vertx);
    node.answer((request, body) -> {
      JsonNode call = Json.MAPPER.readTree(body.getBytes());
      String psi = Optional.ofNullable(request.getHeader("Quorum-PSI")).orElse("private");
      ObjectNode answer = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0");
      answer.set("id", call.get("id"));
      if (psi.startsWith("scopegate-probe-")) {
        // GoQuorum core/multiple_psm.go ResolveForUserContext for an unknown PSI
        answer.putObject("error").put("code", -32000).put("message", "unable to find private state for context psi " + psi);
      } else {
        answer.put("result", psi);
      }
      request.response().putHeader("Content-Type", "application/json").end(Json.buffer(call.isArray()
          ? Json.MAPPER.createArrayNode().add(answer) : answer));
    });
    minter = TokenMinter.generate();
    dir = Files.createTempDirectory("sg-tracing");
    minter.writePublicKeyPem(dir.resolve("issuer.pem"));
  }

  private void startProxy(Tracing tracing) throws Exception {
    Config config = TestConfigs.config(node.url(),
        TestConfigs.jwt(Optional.of(dir.resolve("issuer.pem")), Optional.empty()));
    proxy = Scopegate.start(vertx, config, false, tracing).await(10, TimeUnit.SECONDS);
    node.received().clear();
    spans.reset();
  }

  private Tracing inMemory() {
    return Tracing.with(SimpleSpanProcessor.create(spans), Config.Tracing.OFF);
  }

  @AfterEach
  void stop() throws Exception {
    if (proxy != null) {
      proxy.stop().await(10, TimeUnit.SECONDS);
    }
    node.close().await(5, TimeUnit.SECONDS);
  }

  private URI url() {
    return URI.create("http://127.0.0.1:" + proxy.httpPort() + "/");
  }

  private String token() {
    return minter.mint("t", List.of("rpc://eth_*", "psi://PS1?node.eoa=0x0"), Duration.ofMinutes(5), Map.of());
  }

  private ScriptedNode.Received forwarded() throws InterruptedException {
    ScriptedNode.Received r = node.received().poll(5, TimeUnit.SECONDS);
    assertNotNull(r, "forwarded");
    return r;
  }

  private static SpanData named(List<SpanData> all, String name) {
    return all.stream().filter(s -> s.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name + " in " + all));
  }

  private static void noSecretIn(List<SpanData> all, String... secrets) {
    for (SpanData span : all) {
      String text = span.getName() + " " + span.getAttributes() + " " + span.getStatus() + " "
          + span.getResource().getAttributes() + " " + span.getEvents();
      for (String secret : secrets) {
        assertFalse(text.contains(secret), "a span carries a secret: " + text);
      }
    }
  }

  @Test
  void aTenantCallIsASpanWithTheForwardAsChildAndTheNodeGetsItsTraceparent() throws Exception {
    startProxy(inMemory());
    String token = token();
    var answer = Wire.post(url(), Wire.call(1, "eth_getPSI", "[\"" + SECRET_PARAM + "\"]"),
        "Authorization", "Bearer " + token, "Quorum-PSI", "PS1");
    ScriptedNode.Received r = forwarded();
    assertEquals("PS1", Wire.json(answer).get("result").asText(), answer.body());

    List<SpanData> all = spans.getFinishedSpanItems();
    SpanData call = named(all, "eth_getPSI");
    SpanData forward = named(all, "forward");
    assertEquals(SpanKind.SERVER, call.getKind());
    assertEquals(SpanKind.CLIENT, forward.getKind());
    assertEquals(call.getSpanId(), forward.getParentSpanId());
    assertEquals(call.getTraceId(), forward.getTraceId());
    assertEquals("http", call.getAttributes().get(CallSpans.TRANSPORT));
    assertEquals("tenant", call.getAttributes().get(CallSpans.PRINCIPAL));
    assertEquals("t", call.getAttributes().get(CallSpans.TENANT));
    assertEquals("PS1", call.getAttributes().get(CallSpans.PSI));
    assertEquals("ok", call.getAttributes().get(CallSpans.OUTCOME));

    String traceparent = r.headers().get("traceparent");
    assertEquals("00-" + call.getTraceId() + "-" + forward.getSpanId() + "-01", traceparent);
    assertEquals(List.of(traceparent), r.headers().getAll("traceparent"));

    var operator = Wire.post(url(), Wire.call(2, "eth_getPSI", "[\"" + SECRET_PARAM + "\"]"),
        "X-API-Key", TestConfigs.API_KEY);
    assertEquals(200, operator.statusCode(), operator.body());
    List<SpanData> both = spans.getFinishedSpanItems();
    assertTrue(both.stream().anyMatch(s -> "operator".equals(s.getAttributes().get(CallSpans.PRINCIPAL))), both.toString());
    noSecretIn(both, token, token.substring(token.lastIndexOf('.') + 1), TestConfigs.API_KEY, SECRET_PARAM);
  }

  @Test
  void aClientsTraceparentIsContinuedAndAnUnknownMethodIsNamedOther() throws Exception {
    startProxy(inMemory());
    var answer = Wire.post(url(), Wire.call(1, "eth_getPSI", "[]"),
        "Authorization", "Bearer " + token(), "Quorum-PSI", "PS1", "traceparent", CLIENT_PARENT,
        "tracestate", "secret=" + SECRET_PARAM);
    assertEquals("PS1", Wire.json(answer).get("result").asText(), answer.body());
    ScriptedNode.Received r = forwarded();
    SpanData call = named(spans.getFinishedSpanItems(), "eth_getPSI");
    assertEquals(CLIENT_TRACE, call.getTraceId());
    assertEquals("00f067aa0ba902b7", call.getParentSpanId());
    assertTrue(r.headers().get("traceparent").startsWith("00-" + CLIENT_TRACE + "-"), r.headers().get("traceparent"));
    assertFalse(r.headers().contains("tracestate"), "the client's tracestate is not passed on");

    spans.reset();
    String forged = "made_up_" + "x".repeat(40);
    var unknown = Wire.post(url(), "[" + Wire.call(2, forged, "[]") + "," + Wire.call(3, "eth_getPSI", "[]") + "]",
        "Authorization", "Bearer " + token(), "Quorum-PSI", "PS1");
    assertEquals(200, unknown.statusCode(), unknown.body());
    List<SpanData> all = spans.getFinishedSpanItems();
    SpanData other = named(all, "other");
    assertEquals("refused access_denied", other.getAttributes().get(CallSpans.OUTCOME), other.getAttributes().toString());
    assertEquals("ok", named(all, "eth_getPSI").getAttributes().get(CallSpans.OUTCOME));
    assertTrue(all.stream().noneMatch(s -> s.getName().contains(forged) || s.getAttributes().toString().contains(forged)),
        all.toString());
  }

  @Test
  void aForgedTraceparentStartsAFreshTraceAndNeverReachesTheNode() throws Exception {
    startProxy(inMemory());
    String token = token();
    for (String forged : List.of("00-" + token, "00-" + CLIENT_TRACE + "-00f067aa0ba902b7-01\\r\\nX-Evil: 1",
        "ff-" + CLIENT_TRACE + "-00f067aa0ba902b7-01", "00-00000000000000000000000000000000-00f067aa0ba902b7-01")) {
      spans.reset();
      var answer = Wire.post(url(), Wire.call(1, "eth_getPSI", "[]"),
          "Authorization", "Bearer " + token, "Quorum-PSI", "PS1", "traceparent", forged);
      assertEquals("PS1", Wire.json(answer).get("result").asText(), forged + ": " + answer.body());
      String sent = forwarded().headers().get("traceparent");
      SpanData call = named(spans.getFinishedSpanItems(), "eth_getPSI");
      assertFalse(call.getParentSpanContext().isValid(), forged);
      assertTrue(sent.matches("00-" + call.getTraceId() + "-[0-9a-f]{16}-01"), sent);
      assertFalse(call.getTraceId().equals(CLIENT_TRACE), forged);
    }
  }

  /** The configured path: {@code tracing.otlpEndpoint} exports over OTLP/HTTP, flushed at stop. */
  @Test
  void theConfiguredExporterSendsTheSpansOverOtlpHttp() throws Exception {
    java.util.concurrent.BlockingQueue<io.vertx.core.buffer.Buffer> exported = new java.util.concurrent.LinkedBlockingQueue<>();
    java.util.concurrent.BlockingQueue<String> types = new java.util.concurrent.LinkedBlockingQueue<>();
    var collector = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      if (request.path().equals("/v1/traces")) {
        types.add(String.valueOf(request.getHeader("Content-Type")));
        exported.add(body);
      }
      request.response().setStatusCode(200).putHeader("Content-Type", "application/x-protobuf").end();
    })).listen(0, "127.0.0.1").await();
    try {
      Config base = TestConfigs.config(node.url(),
          TestConfigs.jwt(Optional.of(dir.resolve("issuer.pem")), Optional.empty()));
      Config config = new Config(base.upstream(), base.server(), base.ipc(), base.privacy(), base.auth(),
          base.metrics(), base.log(), base.lifecycle(), new Config.Tracing(
              Optional.of(URI.create("http://127.0.0.1:" + collector.actualPort() + "/v1/traces")),
              "scopegate-under-test", 1.0));
      proxy = Scopegate.start(vertx, config).await(10, TimeUnit.SECONDS);
      node.received().clear();
      String token = token();
      var answer = Wire.post(url(), Wire.call(1, "eth_getPSI", "[\"" + SECRET_PARAM + "\"]"),
          "Authorization", "Bearer " + token, "Quorum-PSI", "PS1");
      assertEquals("PS1", Wire.json(answer).get("result").asText(), answer.body());
      String traceId = forwarded().headers().get("traceparent").split("-")[1];
      proxy.stop().await(10, TimeUnit.SECONDS); // flushes the batch
      proxy = null;

      io.vertx.core.buffer.Buffer body = exported.poll(10, TimeUnit.SECONDS);
      assertNotNull(body, "nothing exported to the collector");
      assertEquals("application/x-protobuf", types.poll());
      String bytes = new String(body.getBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
      // protobuf carries the trace id as its 16 raw bytes, names and attribute values as text
      String rawTraceId = new String(java.util.HexFormat.of().parseHex(traceId), java.nio.charset.StandardCharsets.ISO_8859_1);
      assertTrue(bytes.contains(rawTraceId), "the exported spans are not the node's trace");
      for (String expected : List.of("eth_getPSI", "forward", "scopegate-under-test", "PS1")) {
        assertTrue(bytes.contains(expected), expected);
      }
      for (String secret : List.of(token, token.substring(token.lastIndexOf('.') + 1), SECRET_PARAM)) {
        assertFalse(bytes.contains(secret), "a secret was exported");
      }
    } finally {
      collector.close().await(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void offCreatesNothingAndSendsNoTraceHeader() throws Exception {
    assertSame(Tracing.OFF, Tracing.of(Config.Tracing.OFF));
    assertSame(CallTracer.NONE, Tracing.OFF.calls("http", m -> true));
    startProxy(Tracing.of(Config.Tracing.OFF));
    var answer = Wire.post(url(), Wire.call(1, "eth_getPSI", "[]"),
        "Authorization", "Bearer " + token(), "Quorum-PSI", "PS1", "traceparent", CLIENT_PARENT);
    assertEquals("PS1", Wire.json(answer).get("result").asText(), answer.body());
    ScriptedNode.Received r = forwarded();
    assertFalse(r.headers().contains("traceparent"), r.headers().toString());
    assertTrue(spans.getFinishedSpanItems().isEmpty());
  }
}
