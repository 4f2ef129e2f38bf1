package dev.scopegate.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.config.Config;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.testing.IpcClient;
import dev.scopegate.testing.Proxy;
import dev.scopegate.testing.RawHttp;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import dev.scopegate.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The red-team catalogue as regression tests: each row is a request an attacker sends and the
 * outcome it must get, on every transport it can reach (HTTP, the WebSocket upgrade and its
 * messages, IPC). docs/SECURITY.md lists the same rows. After every row the server still serves.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttackSuiteTest {
  private static final KeyPair RSA = TestTokens.rsa();
  private static final KeyPair ATTACKER = TestTokens.rsa();
  private static final String CALL = Wire.call(1, "eth_chainId", "[]");

  private DevNode node;
  private Proxy proxy;
  private Path socket;

  @BeforeAll
  void start(Vertx vertx, @TempDir Path dir) throws Exception {
    node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    Path pem = Files.writeString(dir.resolve("issuer.pem"), TestTokens.pem(RSA.getPublic()));
    Config.Jwt jwt = new Config.Jwt(Optional.of(pem), Optional.empty(), List.of(TestTokens.ISSUER),
        List.of(TestTokens.AUDIENCE), Duration.ofSeconds(30), Duration.ofSeconds(60), "");
    socket = dir.resolve("sg.ipc");
    proxy = Proxy.start(vertx, TestConfigs.withIpc(
        TestConfigs.withUpstreamWs(TestConfigs.config(node.httpUrl(), jwt), node.wsUrl()), socket));
  }

  @AfterAll
  void stop() throws Exception {
    proxy.close();
    node.close().await(10, TimeUnit.SECONDS);
  }

  private static TestTokens.Builder valid() {
    return TestTokens.token(Instant.now()).claim("scope", "rpc://eth_*");
  }

  private static String signed(TestTokens.Builder b) {
    return b.sign("RS256", RSA.getPrivate());
  }

  private static String attackerJwk() {
    var pub = (java.security.interfaces.RSAPublicKey) ATTACKER.getPublic();
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return "{\"kty\":\"RSA\",\"n\":\"" + b64.encodeToString(pub.getModulus().toByteArray())
        + "\",\"e\":\"" + b64.encodeToString(pub.getPublicExponent().toByteArray()) + "\"}";
  }

  // ---- tokens: refused 401 on HTTP and on the WebSocket upgrade ----

  Stream<Arguments> forgedTokens() {
    Instant now = Instant.now();
    return Stream.of(
        row("alg none", () -> valid().withSignature("none", "")),
        row("alg None", () -> valid().withSignature("None", "")),
        row("HS256 keyed with the public key",
            () -> valid().hmac("HS256", TestTokens.pem(RSA.getPublic()).getBytes())),
        row("crit header", () -> signed(valid().header("crit", List.of("exp")))),
        row("kid not a string", () -> signed(valid().header("kid", Map.of("a", 1)))),
        row("jku to the attacker's keys",
            () -> valid().header("jku", "https://evil.test/jwks.json").sign("RS256", ATTACKER.getPrivate())),
        row("x5u to the attacker's certificate",
            () -> valid().header("x5u", "https://evil.test/cert.pem").sign("RS256", ATTACKER.getPrivate())),
        row("embedded jwk of the attacker",
            () -> valid().header("jwk", Json.MAPPER.readTree(attackerJwk())).sign("RS256", ATTACKER.getPrivate())),
        row("exp as a string", () -> signed(valid().claim("exp", String.valueOf(now.plusSeconds(300).getEpochSecond())))),
        row("nbf as a string", () -> signed(valid().claim("nbf", String.valueOf(now.getEpochSecond())))),
        row("duplicate exp claim", () -> signed(valid().rawClaims("{\"sub\":\"a\",\"iss\":\"" + TestTokens.ISSUER
            + "\",\"aud\":\"scopegate\",\"scope\":\"rpc://eth_*\",\"exp\":1,\"exp\":" + now.plusSeconds(300).getEpochSecond() + "}"))),
        row("duplicate alg header", () -> valid().rawHeader("{\"alg\":\"RS256\",\"alg\":\"none\"}").sign("RS256", RSA.getPrivate())),
        row("expired", () -> signed(valid().claim("exp", now.minusSeconds(120).getEpochSecond()))),
        row("iat in the future", () -> signed(valid().claim("iat", now.plusSeconds(6000).getEpochSecond()))));
  }

  private static Arguments row(String name, ThrowingSupplier token) {
    try {
      return Arguments.of(name, token.get());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @FunctionalInterface
  interface ThrowingSupplier {
    String get() throws Exception;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forgedTokens")
  void forgedTokensAreRefusedOnEveryTransport(String name, String token) throws Exception {
    var http = proxy.tenant(token, CALL);
    assertEquals(401, http.statusCode(), name);
    assertEquals(-32001, Wire.json(http).path("error").path("code").asInt(), name);
    assertFalse(http.body().contains("0x539"), name);
    assertEquals(401, WsClient.refusal(proxy.url(), "Authorization", "Bearer " + token), name);
    assertServing();
  }

  @Test
  void hugeTokensAreRefusedBeforeAnythingIsRead() throws Exception {
    String huge = signed(valid().claim("pad", "x".repeat(200_000)));
    try (RawHttp c = RawHttp.connect(proxy.url())) {
      try {
        c.send(RawHttp.post(CALL.length(), "Authorization: Bearer " + huge) + CALL);
      } catch (java.net.SocketException refusedMidWrite) {
        // the server answered and closed before the client had written 200 kB of headers: the
        // refusal is still waiting to be read
      }
      String answer = c.readUntilClosed();
      assertTrue(answer.startsWith("HTTP/1.1 431") || answer.startsWith("HTTP/1.1 400")
          || answer.startsWith("HTTP/1.1 413"), answer.substring(0, Math.min(100, answer.length())));
    }
    assertServing();
  }

  // ---- credentials on HTTP ----

  @Test
  void twoAuthorizationHeadersAreRefused() throws Exception {
    String good = signed(valid());
    try (RawHttp c = RawHttp.connect(proxy.url())) {
      c.send(RawHttp.post(CALL.length(), "Authorization: Bearer " + good, "Authorization: Bearer x") + CALL);
      String answer = c.readUntilClosed();
      assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
      assertTrue(answer.contains("more than one credential header"), answer);
    }
    assertEquals(401, WsClient.refusal(proxy.url(), "Authorization", "Bearer " + good,
        "Authorization", "Bearer " + good));
  }

  @Test
  void aWrongApiKeyWithAValidTokenIsRefused() throws Exception {
    var r = proxy.post(CALL, "Authorization", "Bearer " + signed(valid()), "X-API-Key", "wrong");
    assertEquals(401, r.statusCode());
    assertEquals(401, WsClient.refusal(proxy.url(), "Authorization", "Bearer " + signed(valid()),
        "X-API-Key", "wrong"));
  }

  // ---- hostile JSON: the same error on HTTP, WebSocket messages and IPC ----

  Stream<Arguments> hostileBodies() {
    String many = "[" + (CALL + ",").repeat(100) + CALL + "]";
    return Stream.of(
        Arguments.of("duplicate method key",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"method\":\"admin_peers\"}", -32600),
        Arguments.of("duplicate key via \\u escape",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"\\u006dethod\":\"admin_peers\"}", -32600),
        Arguments.of("duplicate key in params",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[{\"to\":\"0x1\",\"to\":\"0x2\"}]}", -32600),
        // rpc://eth_* covers the name, the policy table does not know it: -32601, never forwarded
        Arguments.of("method with a NUL", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\\u0000\"}", -32601),
        Arguments.of("method upper-cased", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ETH_CHAINID\"}", -32001),
        Arguments.of("method mixed case outside the grant", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"Admin_peers\"}", -32001),
        Arguments.of("object id", "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"eth_chainId\"}", -32600),
        Arguments.of("array id", "{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"eth_chainId\"}", -32600),
        Arguments.of("boolean id", "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"eth_chainId\"}", -32600),
        Arguments.of("1 200-digit id", "{\"jsonrpc\":\"2.0\",\"id\":" + "9".repeat(1200) + ",\"method\":\"eth_chainId\"}", -32700),
        Arguments.of("id with a 36-digit exponent (fuzz-found)",
            "{\"jsonrpc\":\"2.0\",\"id\":1e211111111111111111111111111111111111,\"method\":\"eth_chainId\"}", -32700),
        Arguments.of("empty batch", "[]", -32600),
        Arguments.of("batch of 101", many, -32005),
        Arguments.of("nesting of 1 500", "[".repeat(1500) + "]".repeat(1500), -32700),
        // (a truncated value is not malformed on IPC: the stream waits for its end, as geth's does)
        Arguments.of("malformed JSON", "{\"jsonrpc\":]}", -32700));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileBodies")
  void hostileBodiesGetTheirErrorOnEveryTransport(String name, String body, int code) throws Exception {
    String token = signed(valid());
    var http = proxy.tenant(token, body);
    assertEquals(code, firstError(Wire.json(http)), name + " over HTTP: " + http.body());
    WsClient ws = WsClient.connect(proxy.url(), "Authorization", "Bearer " + token);
    try {
      assertEquals(code, firstError(ws.call(body)), name + " over WebSocket");
    } finally {
      ws.close();
    }
    if (code != -32001) { // IPC callers are operators: no grants to be outside of
      try (IpcClient ipc = IpcClient.connect(socket)) {
        ipc.send(body + "\n");
        assertEquals(code, firstError(ipc.json()), name + " over IPC");
      }
    }
    assertServing();
  }

  private static int firstError(JsonNode answer) {
    JsonNode one = answer.isArray() ? answer.get(0) : answer;
    return one.path("error").path("code").asInt();
  }

  @Test
  void invalidUtf8AndGzipBodiesAreParseErrors() throws Exception {
    String token = signed(valid());
    byte[] invalid = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_\u00ffchainId\"}".getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
      gz.write(CALL.getBytes(StandardCharsets.UTF_8));
    }
    for (var body : List.of(Map.entry("invalid UTF-8", invalid), Map.entry("gzip", zipped.toByteArray()))) {
      try (RawHttp c = RawHttp.connect(proxy.url())) {
        c.send(RawHttp.post(body.getValue().length, "Authorization: Bearer " + token,
            "Content-Encoding: gzip")).send(body.getValue());
        String answer = c.readAnswer();
        assertTrue(answer.startsWith("HTTP/1.1 200"), body.getKey() + ": " + answer);
        assertTrue(answer.contains("\"code\":-32700"), body.getKey() + ": " + answer);
      }
    }
    try (IpcClient ipc = IpcClient.connect(socket)) {
      ipc.send(invalid).send("\n");
      assertEquals(-32700, firstError(ipc.json()));
    }
    assertServing();
  }

  // ---- subscriptions ----

  @Test
  void anotherConnectionsSubscriptionIdIsNotFound() throws Exception {
    String token = signed(valid());
    WsClient owner = WsClient.connect(proxy.url(), "Authorization", "Bearer " + token);
    WsClient other = WsClient.connect(proxy.url(), "Authorization", "Bearer " + token);
    try {
      String id = owner.call(Wire.call(1, "eth_subscribe", "[\"newHeads\"]")).path("result").asText();
      JsonNode answer = other.call(Wire.call(2, "eth_unsubscribe", "[\"" + id + "\"]"));
      assertEquals("subscription not found", answer.path("error").path("message").asText());
      assertTrue(owner.call(Wire.call(3, "eth_unsubscribe", "[\"" + id + "\"]")).path("result").asBoolean());
    } finally {
      owner.close();
      other.close();
    }
  }

  private void assertServing() {
    var r = proxy.tenant(signed(valid()), CALL);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("0x539", Wire.json(r).path("result").asText());
  }
}
