package dev.scopegate.observe;

import static dev.scopegate.devnode.DevTessera.KA;
import static dev.scopegate.devnode.DevTessera.KB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.config.Config;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import dev.scopegate.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * The access and audit logs, read from every log event of the JVM while calls carrying a token,
 * an API key and a private payload pass over HTTP and WebSocket: the calls are there, the
 * refusals are there, and none of the three secrets is anywhere.
 */
@ExtendWith(VertxExtension.class)
class CallLogWireTest {
  private static final String PAYLOAD = "private payload: the merger price is 41.7";
  private static final String PAYLOAD_HEX = HexFormat.of().formatHex(PAYLOAD.getBytes(StandardCharsets.UTF_8));
  private static final String FORGED = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.Zm9yZ2VkLXNpZ25hdHVyZQ";

  private Stack stack;
  private LogCapture capture;

  private void start(Vertx vertx, boolean access) throws Exception {
    stack = Stack.start(vertx, c -> new Config(c.upstream(), c.server(), c.ipc(), c.privacy(), c.auth(),
        c.metrics(), new Config.Log("text", access), c.lifecycle()));
    capture = LogCapture.attach();
  }

  @AfterEach
  void stop() throws Exception {
    if (capture != null) {
      capture.close();
    }
    stack.close();
  }

  private static String scopeOf(String key) {
    return "private://0x0/_/contracts?owned.eoa=0x0&from.tm="
        + key.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
  }

  private String callWithPayload(int id) {
    return Wire.call(id, "eth_call", "[{\"to\":\"0x00000000000000000000000000000000000000aa\",\"data\":\"0x"
        + PAYLOAD_HEX + "\"},\"latest\"]");
  }

  private String privateSend(int id) {
    return Wire.call(id, "eth_sendTransaction", "[{\"from\":\"0x00000000000000000000000000000000000000bb\","
        + "\"data\":\"0x" + PAYLOAD_HEX + "\",\"privateFrom\":\"" + KA + "\",\"privateFor\":[\"" + KB + "\"]}]");
  }

  @Test
  void everyCallIsLoggedEveryRefusalAuditedAndNoSecretIsInAnyLine(Vertx vertx) throws Exception {
    start(vertx, true);
    String token = stack.token("rpc://eth_*", scopeOf(KA));

    Wire.json(stack.proxy().tenant(token, Wire.call(1, "eth_chainId", "[]")));
    stack.proxy().tenant(token, "[" + callWithPayload(2) + "," + privateSend(3) + ","
        + Wire.call(4, "net_version", "[]") + "]");
    stack.proxy().operator(callWithPayload(5));
    assertEquals(401, stack.proxy().tenant(FORGED, callWithPayload(6)).statusCode());
    assertEquals(401, stack.proxy().post(callWithPayload(7), "X-API-Key", "wrong-" + TestConfigs.API_KEY).statusCode());
    URI ws = URI.create("ws://127.0.0.1:" + stack.proxy().scopegate().httpPort() + "/");
    WsClient client = WsClient.connect(ws, "Authorization", "Bearer " + token);
    client.call(callWithPayload(8));
    client.call(Wire.call(9, "net_peerCount", "[]"));
    client.close();

    List<String> access = capture.messages("scopegate.access");
    assertTrue(access.contains("call transport=http principal=tenant tenant=tenant method=eth_chainId outcome=ok"
        + " upstream_ms=" + field(access, "eth_chainId", "upstream_ms") + " total_ms="
        + field(access, "eth_chainId", "total_ms") + " batch=1"), String.join("\n", access));
    assertTrue(access.stream().anyMatch(l -> l.startsWith(
        "call transport=http principal=tenant tenant=tenant method=net_version outcome=refused access_denied ")), String.join("\n", access));
    assertTrue(access.stream().anyMatch(l -> l.startsWith(
        "call transport=http principal=operator tenant=api-key method=eth_call ")), String.join("\n", access));
    assertTrue(access.stream().anyMatch(l -> l.startsWith(
        "call transport=ws principal=tenant tenant=tenant method=eth_call ")), String.join("\n", access));

    List<String> audit = capture.messages("scopegate.audit");
    assertTrue(audit.contains("refused transport=http principal=tenant tenant=tenant method=net_version"
        + " reason=access_denied code=-32001"), String.join("\n", audit));
    assertTrue(audit.contains("refused transport=ws principal=tenant tenant=tenant method=net_peerCount"
        + " reason=access_denied code=-32001"), String.join("\n", audit));
    assertTrue(audit.contains("refused credentials transport=http reason=invalid_token"), String.join("\n", audit));
    assertTrue(audit.contains("refused credentials transport=http reason=invalid_api_key"), String.join("\n", audit));

    assertNoSecretIn(capture.lines(), token);
  }

  /** The lines of Scopegate and its libraries; the dev node stands for the real node and is not Scopegate's log. */
  private static void assertNoSecretIn(List<String> lines, String token) {
    List<String> secrets = List.of(token, token.substring(token.lastIndexOf('.') + 1), FORGED,
        TestConfigs.API_KEY, PAYLOAD, PAYLOAD_HEX, PAYLOAD_HEX.toUpperCase(Locale.ROOT), "merger price");
    List<String> scopegate = lines.stream().filter(l -> !l.startsWith("dev.scopegate.devnode.")).toList();
    assertTrue(scopegate.size() > 10, "the capture saw the server's lines");
    for (String line : scopegate) {
      for (String secret : secrets) {
        assertFalse(line.contains(secret), "a log line carries a secret: " + line);
      }
    }
  }

  private static String field(List<String> lines, String method, String name) {
    String line = lines.stream().filter(l -> l.contains("method=" + method + " ")).findFirst().orElseThrow();
    return line.replaceFirst(".* " + name + "=(\\S+).*", "$1");
  }

  @Test
  void withoutLogAccessOnlyRefusalsAreLogged(Vertx vertx) throws Exception {
    start(vertx, false);
    String token = stack.token("rpc://eth_chainId");

    stack.proxy().tenant(token, "[" + Wire.call(1, "eth_chainId", "[]") + "," + Wire.call(2, "eth_getLogs", "[{}]") + "]");

    assertEquals(List.of(), capture.messages("scopegate.access"));
    assertEquals(List.of("refused transport=http principal=tenant tenant=tenant method=eth_getLogs"
        + " reason=access_denied code=-32001"), capture.messages("scopegate.audit"));
  }

  @Test
  void jsonFormatCarriesTheFieldsAsStructuredPairs(Vertx vertx) throws Exception {
    start(vertx, true);
    String token = stack.token("rpc://eth_chainId");
    stack.proxy().tenant(token, Wire.call(1, "eth_chainId", "[]"));

    ILoggingEvent event = capture.events().stream()
        .filter(e -> e.getLoggerName().equals("scopegate.access")).findFirst().orElseThrow();
    var encoder = LogFormat.json((LoggerContext) LoggerFactory.getILoggerFactory());
    String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

    assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, "one line: " + line);
    JsonNode json = Json.read(line.getBytes(StandardCharsets.UTF_8));
    assertEquals("scopegate.access", json.get("loggerName").asText());
    assertEquals("INFO", json.get("level").asText());
    assertEquals("eth_chainId", pair(json, "method"));
    assertEquals("ok", pair(json, "outcome"));
    assertEquals("tenant", pair(json, "tenant"));
  }

  private static String pair(JsonNode json, String key) {
    for (JsonNode kv : json.get("kvpList")) {
      if (kv.has(key)) {
        return kv.get(key).asText();
      }
    }
    throw new AssertionError("no " + key + " in " + json);
  }
}
