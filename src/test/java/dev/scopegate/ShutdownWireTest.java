package dev.scopegate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.config.Config;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import dev.scopegate.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The SIGTERM stop, in the JVM: a call in flight completes, WebSockets see 1001, the socket file goes. */
@ExtendWith(VertxExtension.class)
class ShutdownWireTest {
  @TempDir Path dir;
  private Stack stack;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    stack = Stack.start(vertx, c -> {
      Config ipc = TestConfigs.withIpc(c, dir.resolve("sg.ipc"));
      return new Config(ipc.upstream(), ipc.server(), ipc.ipc(), ipc.privacy(), ipc.auth(), ipc.metrics(),
          ipc.log(), new Config.Lifecycle(Duration.ofSeconds(20)));
    });
  }

  @AfterEach
  void stop() throws Exception {
    stack.close();
  }

  @Test
  void aCallInFlightCompletesWebSocketsGoAwayAndTheSocketFileIsRemoved() throws Exception {
    Scopegate proxy = stack.proxy().scopegate();
    URI ws = URI.create("ws://127.0.0.1:" + proxy.httpPort() + "/");
    WsClient client = WsClient.connect(ws, "X-API-Key", TestConfigs.API_KEY);
    assertTrue(Files.exists(dir.resolve("sg.ipc")));
    stack.node().responseDelay(Duration.ofMillis(1500));
    // HTTP/1.1 as JSON-RPC clients speak it (JDK 17's client, upgraded to h2c, fails a stream
    // still in flight when the server's GOAWAY arrives, though GOAWAY lets it finish).
    CompletableFuture<HttpResponse<String>> slow = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1).build().sendAsync(
        HttpRequest.newBuilder(stack.proxy().url())
            .header("Content-Type", "application/json")
            .header("X-API-Key", TestConfigs.API_KEY)
            .POST(HttpRequest.BodyPublishers.ofString(Wire.call(1, "net_version", "[]"))).build(),
        HttpResponse.BodyHandlers.ofString());
    awaitAtNode("net_version");

    long started = System.nanoTime();
    proxy.shutdown().await(30, TimeUnit.SECONDS);

    HttpResponse<String> answer = slow.get(1, TimeUnit.SECONDS);
    assertEquals(200, answer.statusCode());
    assertEquals(Long.toString(stack.node().chain().chainId()), Wire.json(answer).get("result").asText(), answer.body());
    assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(15),
        "the stop waits for the call, not for the whole shutdownTimeout");
    assertEquals("1001 server shutting down", client.closedWithin(5));
    assertFalse(Files.exists(dir.resolve("sg.ipc")), "the IPC socket file is removed");
    assertThrows(Exception.class, () -> HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(stack.proxy().url()).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString()), "no new connection is accepted");
  }

  /** Waits (bounded) until the node has received {@code method}: the call is then in flight. */
  private void awaitAtNode(String method) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (stack.node().requestCount(method) == 0) {
      assertTrue(System.nanoTime() < deadline, method + " never reached the node");
      Thread.onSpinWait();
    }
  }
}
