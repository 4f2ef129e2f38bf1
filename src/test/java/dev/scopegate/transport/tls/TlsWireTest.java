package dev.scopegate.transport.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.config.Config;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
    HttpRequest.Builder request = HttpRequest.newBuilder(https)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
