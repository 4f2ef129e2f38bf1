package dev.scopegate.transport.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.config.Config;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS and WSS from PEM files, reloaded when they change; client certificates make operators. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsWireTest {
  private static final String CHAIN_ID = Wire.call(1, "eth_chainId", "[]");

  private final TestCertificates.Issued serverCa = TestCertificates.ca("scopegate-test-server-ca");
  private final TestCertificates.Issued clientCa = TestCertificates.ca("scopegate-test-operators-ca");
  private final TestCertificates.Issued server = TestCertificates.issue(serverCa, "scopegate-1");
  private Path dir;
  private Stack stack;
  private URI https;

  @BeforeAll
  void start(Vertx vertx, @TempDir Path dir) throws Exception {
    this.dir = dir;
    write(server);
    Files.writeString(dir.resolve("operators-ca.pem"), clientCa.certPem());
    stack = Stack.start(vertx, c -> {
      Config.Server s = c.server();
      Config.Server tls = new Config.Server(s.host(), s.port(), s.maxBodyBytes(), s.maxBatchSize(),
          s.filterIdSecret(), s.cors(), s.ws(), new Config.Tls(Optional.of(dir.resolve("cert.pem")),
              Optional.of(dir.resolve("key.pem")), Optional.of(dir.resolve("operators-ca.pem"))));
      return new Config(c.upstream(), tls, c.ipc(), c.privacy(), c.auth(), c.metrics());
    });
    https = URI.create("https://127.0.0.1:" + stack.proxy().scopegate().httpPort() + "/");
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  @Test
  void httpsServesTokenHoldersAndATokenIsStillRequired() throws Exception {
    HttpClient client = client(TestCertificates.context(serverCa, null));
    HttpResponse<String> served = post(client, "Bearer " + stack.token("rpc://eth_*"));
    assertEquals(200, served.statusCode(), served.body());
    assertEquals("0x539", Wire.json(served).get("result").asText());
    assertEquals(401, post(client, null).statusCode(), "TLS alone is no credential");
  }

  @Test
  void aClientThatDoesNotTrustTheCertificateCannotConnect() throws Exception {
    HttpClient client = client(TestCertificates.context(clientCa, null));
    assertThrows(java.io.IOException.class, () -> post(client, "Bearer " + stack.token("rpc://eth_*")));
  }

  @Test
  void wssServesTokenHolders() throws Exception {
    HttpClient client = client(TestCertificates.context(serverCa, null));
    CompletableFuture<String> answer = new CompletableFuture<>();
    WebSocket socket = client.newWebSocketBuilder()
        .header("Authorization", "Bearer " + stack.token("rpc://eth_*"))
        .buildAsync(URI.create(https.toString().replace("https", "wss")), new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            answer.complete(data.toString());
            return null;
          }
        }).get(20, TimeUnit.SECONDS);
    socket.sendText(CHAIN_ID, true);
    JsonNode reply = Json.MAPPER.readTree(answer.get(20, TimeUnit.SECONDS));
    assertEquals("0x539", reply.get("result").asText());
    socket.abort();
  }

  @Test
  void aClientCertificateFromTheOperatorsCaMakesAnOperator() throws Exception {
    TestCertificates.Issued operator = TestCertificates.issue(clientCa, "operator-1");
    HttpClient client = client(TestCertificates.context(serverCa, operator));
    HttpResponse<String> noToken = send(client, CHAIN_ID, null);
    assertEquals(200, noToken.statusCode(), "the certificate is the credential: " + noToken.body());
    assertEquals("0x539", Wire.json(noToken).get("result").asText());
    HttpResponse<String> operatorOnly = send(client, Wire.call(2, "admin_peers", "[]"), null);
    assertFalse(operatorOnly.body().contains("access denied"), operatorOnly.body());

    // signed by another CA: the client is not asked for it, or the handshake fails; never an operator
    TestCertificates.Issued stranger = TestCertificates.issue(
        TestCertificates.ca("scopegate-test-operators-ca"), "operator-1");
    HttpClient impostor = client(TestCertificates.context(serverCa, stranger));
    try {
      HttpResponse<String> answer = send(impostor, CHAIN_ID, null);
      assertEquals(401, answer.statusCode(), answer.body());
      assertEquals("missing access token", Wire.json(answer).get("error").get("message").asText());
    } catch (java.io.IOException handshakeFailed) {
      // refused before any request: as good
    }
  }

  @Test
  void aClientCertificateFromTheOperatorsCaMakesAnOperatorOverWss() throws Exception {
    TestCertificates.Issued operator = TestCertificates.issue(clientCa, "operator-ws");
    HttpClient client = client(TestCertificates.context(serverCa, operator));
    Wss socket = Wss.open(client, wss(), Map.of()).get(20, TimeUnit.SECONDS);
    try {
      assertEquals("0x539", socket.call(CHAIN_ID).get("result").asText());
      JsonNode operatorOnly = socket.call(Wire.call(2, "admin_peers", "[]"));
      assertFalse(operatorOnly.toString().contains("access denied"), operatorOnly.toString());
    } finally {
      socket.close();
    }

    // the same name from another CA: refused at the handshake or at the upgrade, never an operator
    TestCertificates.Issued stranger = TestCertificates.issue(
        TestCertificates.ca("scopegate-test-operators-ca"), "operator-ws");
    HttpClient impostor = client(TestCertificates.context(serverCa, stranger));
    ExecutionException refused = assertThrows(ExecutionException.class,
        () -> Wss.open(impostor, wss(), Map.of()).get(20, TimeUnit.SECONDS).close());
    if (refused.getCause() instanceof WebSocketHandshakeException upgrade) {
      assertEquals(401, upgrade.getResponse().statusCode());
      assertFalse(String.valueOf(upgrade.getResponse().body()).contains("0x539"));
    } else {
      assertTrue(refused.getCause() instanceof java.io.IOException, refused.toString());
    }
  }

  @Test
  void withAClientCertificateTheApiKeyStillDecides() throws Exception {
    TestCertificates.Issued operator = TestCertificates.issue(clientCa, "operator-and-key");
    HttpClient client = client(TestCertificates.context(serverCa, operator));
    String peers = Wire.call(2, "admin_peers", "[]");

    // a wrong key is 401 whatever else is presented: certificate, token, single call or batch
    for (String body : List.of(CHAIN_ID, peers, "[" + CHAIN_ID + "," + peers + "]")) {
      for (String authorization : Arrays.asList(null, "Bearer " + stack.token("rpc://eth_*"))) {
        HttpResponse<String> wrong = sendWith(client, body,
            headers(authorization, "X-API-Key", TestConfigs.API_KEY + "-wrong"));
        assertEquals(401, wrong.statusCode(), wrong.body());
        assertEquals("invalid api key", Wire.json(wrong).get("error").get("message").asText());
        assertFalse(wrong.body().contains("0x539"), wrong.body());
        assertFalse(wrong.body().contains("result"), wrong.body());
      }
    }
    Map<String, String> wrongKey = Map.of("X-API-Key", TestConfigs.API_KEY + "-wrong");
    ExecutionException refused = assertThrows(ExecutionException.class,
        () -> Wss.open(client, wss(), wrongKey).get(20, TimeUnit.SECONDS).close());
    WebSocketHandshakeException upgrade =
        assertInstanceOf(WebSocketHandshakeException.class, refused.getCause(), refused.toString());
    assertEquals(401, upgrade.getResponse().statusCode());

    // the right key is an operator, as the certificate alone would be
    HttpResponse<String> right =
        sendWith(client, peers, headers(null, "X-API-Key", TestConfigs.API_KEY));
    assertEquals(200, right.statusCode(), right.body());
    assertFalse(right.body().contains("access denied"), right.body());

    // naming a tenant needs the key, certificate or not: the certificate does not impersonate
    HttpResponse<String> asTenant =
        sendWith(client, CHAIN_ID, headers(null, "X-Tenant-ID", "acme"));
    assertEquals(403, asTenant.statusCode(), asTenant.body());
    assertEquals("X-Tenant-ID needs the API key",
        Wire.json(asTenant).get("error").get("message").asText());
  }

  @Test
  void aChangedCertificateIsServedWithoutRestart() throws Exception {
    TestCertificates.Issued renewed = TestCertificates.issue(serverCa, "scopegate-2");
    write(renewed);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      String seen = presented();
      while (!seen.contains("scopegate-2") && System.nanoTime() < deadline) {
        seen = presented(); // each new connection shows the certificate in force
      }
      assertTrue(seen.contains("scopegate-2"), seen);
    } finally {
      write(server);
    }
  }

  private String presented() throws Exception {
    HttpResponse<String> response = post(client(TestCertificates.context(serverCa, null)), null);
    X509Certificate cert = (X509Certificate) response.sslSession().orElseThrow()
        .getPeerCertificates()[0];
    return cert.getSubjectX500Principal().getName();
  }

  private void write(TestCertificates.Issued issued) throws Exception {
    // key first, then the certificate, each replaced whole
    replace("key.pem", issued.keyPem());
    replace("cert.pem", issued.certPem());
  }

  private void replace(String name, String content) throws Exception {
    Path staged = Files.writeString(dir.resolve(name + ".staged"), content);
    Files.move(staged, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  private static HttpClient client(SSLContext context) {
    return HttpClient.newBuilder().sslContext(context).build();
  }

  private HttpResponse<String> post(HttpClient client, String authorization) throws Exception {
    return send(client, CHAIN_ID, authorization);
  }

  private HttpResponse<String> send(HttpClient client, String body, String authorization)
      throws Exception {
    return sendWith(client, body, headers(authorization));
  }

  private HttpResponse<String> sendWith(HttpClient client, String body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(https)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** {@code Authorization} when not null, then the name/value pairs. */
  private static Map<String, String> headers(String authorization, String... pairs) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (authorization != null) {
      headers.put("Authorization", authorization);
    }
    for (int i = 0; i < pairs.length; i += 2) {
      headers.put(pairs[i], pairs[i + 1]);
    }
    return headers;
  }

  private URI wss() {
    return URI.create(https.toString().replace("https", "wss"));
  }

  /** A WSS client that answers one call at a time. */
  private static final class Wss implements WebSocket.Listener {
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static CompletableFuture<Wss> open(HttpClient client, URI uri, Map<String, String> headers) {
      Wss wss = new Wss();
      WebSocket.Builder builder = client.newWebSocketBuilder();
      headers.forEach(builder::header);
      return builder.buildAsync(uri, wss).thenApply(socket -> {
        wss.socket = socket;
        return wss;
      });
    }

    JsonNode call(String request) throws Exception {
      socket.sendText(request, true).get(20, TimeUnit.SECONDS);
      String answer = messages.poll(20, TimeUnit.SECONDS);
      assertNotNull(answer, "no answer to " + request);
      return Json.MAPPER.readTree(answer);
    }

    void close() {
      socket.abort();
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(partial.toString());
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }
}
