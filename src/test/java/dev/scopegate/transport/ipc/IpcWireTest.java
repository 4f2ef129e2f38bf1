package dev.scopegate.transport.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.config.Config;
import dev.scopegate.testing.IpcClient;
import dev.scopegate.testing.Proxy;
import dev.scopegate.testing.ScriptedNode;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** JSON-RPC over the IPC socket as a raw client sees it: framing, order, errors, limits. */
@ExtendWith(VertxExtension.class)
class IpcWireTest {
  private static final long MAX_MESSAGE = 512;

  @TempDir Path dir;
  private ScriptedNode node;
  private Proxy proxy;
  private Path socket;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    node = ScriptedNode.start(vertx);
    node.echo();
    socket = dir.resolve("scopegate.ipc");
    Config config = TestConfigs.withIpc(
        TestConfigs.withServer(
            TestConfigs.config(node.url(), TestConfigs.jwt(Optional.empty(), Optional.empty())),
            TestConfigs.server(1024 * 1024, 4, List.of())),
        new Config.Ipc(Optional.of(socket), "0600", MAX_MESSAGE));
    proxy = Proxy.start(vertx, config);
    node.received().clear();
  }

  @AfterEach
  void stop() throws Exception {
    proxy.close();
    node.close().await(10, TimeUnit.SECONDS);
  }

  private static String call(int id, String method) {
    return Wire.call(id, method, "[]");
  }

  private IpcClient client() throws Exception {
    return IpcClient.connect(socket);
  }

  @Test
  void aCallIsAnsweredOnOneLine() throws Exception {
    try (IpcClient client = client()) {
      client.send(call(1, "eth_chainId") + "\n");
      assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"eth_chainId\"}", client.line());
    }
  }

  @Test
  void valuesWithoutNewlinesInOneWriteAreAnsweredInOrder() throws Exception {
    try (IpcClient client = client()) {
      client.send(call(1, "net_version") + "[" + call(2, "eth_chainId") + "," + call(3, "eth_blockNumber")
          + "]" + call(4, "web3_clientVersion"));
      assertEquals(1, client.json().get("id").asInt());
      JsonNode batch = client.json();
      assertEquals(2, batch.size());
      assertEquals("eth_chainId", batch.get(0).get("result").asText());
      assertEquals("eth_blockNumber", batch.get(1).get("result").asText());
      assertEquals("web3_clientVersion", client.json().get("result").asText());
    }
  }

  @Test
  void aValueSentByteByByteIsOneRequest() throws Exception {
    try (IpcClient client = client()) {
      for (byte b : (call(7, "eth_gasPrice") + "\n").getBytes(StandardCharsets.UTF_8)) {
        client.send(new byte[] {b});
      }
      JsonNode answer = client.json();
      assertEquals(7, answer.get("id").asInt());
      assertEquals("eth_gasPrice", answer.get("result").asText());
    }
  }

  @Test
  void answersKeepArrivalOrderWhenALaterOneFinishesFirst(Vertx vertx) throws Exception {
    node.answer((request, body) -> {
      String text = body.toString();
      String method = text.contains("slow_method") ? "slow_method" : "fast_method";
      String answer = text.replaceAll(".*\"id\":(\\d+).*", "{\"jsonrpc\":\"2.0\",\"id\":$1,\"result\":\"" + method + "\"}");
      long delay = method.equals("slow_method") ? 300 : 1;
      vertx.setTimer(delay, t -> request.response().putHeader("Content-Type", "application/json").end(answer));
    });
    try (IpcClient client = client()) {
      client.send(call(1, "slow_method") + "\n" + call(2, "fast_method") + "\n");
      assertEquals("slow_method", client.json().get("result").asText());
      assertEquals("fast_method", client.json().get("result").asText());
    }
  }

  @Test
  void notificationsGetNoLine() throws Exception {
    try (IpcClient client = client()) {
      client.send("{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"}\n"
          + "[{\"jsonrpc\":\"2.0\",\"method\":\"net_version\"}]\n"
          + call(3, "eth_blockNumber") + "\n");
      assertEquals(3, client.json().get("id").asInt());
    }
    List<String> forwarded = new ArrayList<>();
    node.received().forEach(r -> forwarded.add(r.body()));
    assertTrue(forwarded.stream().anyMatch(b -> b.contains("net_version")), forwarded.toString());
  }

  @Test
  void invalidValuesAreAnsweredAsOverHttp() throws Exception {
    try (IpcClient client = client()) {
      client.send("[]\n\"just a string\"\n{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"a\"}\n"
          + "[1,2,3,4,5]\n");
      assertEquals(-32600, client.json().at("/error/code").asInt());
      assertEquals(-32600, client.json().at("/error/code").asInt());
      assertEquals("invalid request: duplicate key", client.json().at("/error/message").asText());
      assertEquals(-32005, client.json().at("/error/code").asInt());
    }
  }

  @Test
  void operatorOnlyMethodsAreForwarded() throws Exception {
    try (IpcClient client = client()) {
      client.send(call(1, "admin_peers") + "\n" + call(2, "personal_listWallets") + "\n");
      assertEquals("admin_peers", client.json().get("result").asText());
      assertEquals("personal_listWallets", client.json().get("result").asText());
    }
    // The same call over HTTP without credentials is refused, so the socket is what let it in.
    assertEquals(401, proxy.post(call(1, "admin_peers")).statusCode());
  }

  @Test
  void malformedInputIsAnsweredAndTheStreamResumesAtTheNextNewline() throws Exception {
    try (IpcClient client = client()) {
      client.send(call(1, "eth_chainId") + "\n{\"jsonrpc\": oops}\n" + call(2, "net_version") + "\n");
      assertEquals(1, client.json().get("id").asInt());
      JsonNode error = client.json();
      assertEquals(-32700, error.at("/error/code").asInt());
      assertTrue(error.get("id").isNull());
      assertEquals(2, client.json().get("id").asInt());
      client.send(call(3, "eth_blockNumber"));
      assertEquals(3, client.json().get("id").asInt());
    }
  }

  @Test
  void malformedInputWithNoNewlineAfterItClosesTheConnection() throws Exception {
    try (IpcClient client = client()) {
      client.send(call(1, "eth_chainId") + "{\"jsonrpc\": oops");
      assertEquals(1, client.json().get("id").asInt());
      assertEquals(-32700, client.json().at("/error/code").asInt());
      assertTrue(client.closedByServer());
    }
    assertServerStillAnswers();
  }

  @Test
  void aValueOverTheLimitIsRefusedAndTheConnectionClosed() throws Exception {
    String big = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_call\",\"params\":[\""
        + "a".repeat((int) MAX_MESSAGE) + "\"]}\n";
    try (IpcClient client = client()) {
      client.send(call(1, "eth_chainId") + "\n" + big);
      assertEquals(1, client.json().get("id").asInt());
      JsonNode error = client.json().get("error");
      assertEquals(-32600, error.get("code").asInt());
      assertEquals("request body too large", error.get("message").asText());
      assertEquals("at most 512 bytes per message (ipc.maxMessageBytes)", error.get("data").asText());
      assertTrue(client.closedByServer());
    }
    assertServerStillAnswers();
  }

  @Test
  void manyConnectionsAtOnceEachGetTheirOwnAnswers() throws Exception {
    List<IpcClient> clients = new ArrayList<>();
    try {
      for (int c = 0; c < 40; c++) {
        clients.add(client());
      }
      for (int c = 0; c < clients.size(); c++) {
        clients.get(c).send(call(c * 10, "m" + c) + "\n" + call(c * 10 + 1, "n" + c));
      }
      for (int c = 0; c < clients.size(); c++) {
        JsonNode first = clients.get(c).json();
        assertEquals(c * 10, first.get("id").asInt());
        assertEquals("m" + c, first.get("result").asText());
        assertEquals("n" + c, clients.get(c).json().get("result").asText());
      }
    } finally {
      for (IpcClient client : clients) {
        client.close();
      }
    }
  }

  @Test
  void aClientThatSendsFasterThanItReadsGetsEveryAnswer() throws Exception {
    int calls = IpcConnection.MAX_OUTSTANDING * 4;
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < calls; i++) {
      all.append(call(i, "eth_blockNumber")).append('\n');
    }
    try (IpcClient client = client()) {
      client.send(all.toString());
      for (int i = 0; i < calls; i++) {
        assertEquals(i, client.json().get("id").asInt());
      }
    }
  }

  private void assertServerStillAnswers() throws Exception {
    try (IpcClient again = client()) {
      again.send(call(9, "net_version") + "\n");
      assertEquals(9, again.json().get("id").asInt());
    }
  }
}
