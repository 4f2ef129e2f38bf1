package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.jsonrpc.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JSON-RPC client over java.net.http's WebSocket, for the test thread: every message received is
 * queued; {@link #call} waits (bounded) for its answer and sets aside the notifications that came
 * first, in order, for {@link #notification}.
 */
final class NodeWsClient implements WebSocket.Listener, AutoCloseable {
  static final long TIMEOUT_SECONDS = 10;

  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private final Deque<JsonNode> notifications = new ArrayDeque<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private final AtomicInteger ids = new AtomicInteger();
  private WebSocket socket;

  private NodeWsClient() {}

  static NodeWsClient connect(URI url) {
    NodeWsClient client = new NodeWsClient();
    client.socket = await(HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(url, client));
    return client;
  }

  /** The handshake's failure, for a connection that must be refused. */
  static Throwable refused(URI url) {
    NodeWsClient client = new NodeWsClient();
    try {
      HttpClient.newHttpClient()
          .newWebSocketBuilder()
          .buildAsync(url, client)
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("the connection was accepted");
  }

  void send(String text) {
    await(socket.sendText(text, true));
  }

  /** The answer to one call with a fresh id. */
  JsonNode call(String method, Object... params) {
    int id = ids.incrementAndGet();
    ObjectNode request =
        Json.MAPPER.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
    request.set("params", Json.MAPPER.valueToTree(Arrays.asList(params)));
    send(Json.string(request));
    JsonNode answer = nextAnswer();
    assertEquals(id, answer.path("id").asInt(), answer::toString);
    return answer;
  }

  JsonNode result(String method, Object... params) {
    JsonNode answer = call(method, params);
    assertFalse(answer.has("error"), () -> method + " failed: " + answer);
    return answer.get("result");
  }

  JsonNode error(String method, Object... params) {
    JsonNode answer = call(method, params);
    assertTrue(answer.has("error"), () -> method + " did not fail: " + answer);
    return answer.get("error");
  }

  /** The id of a new subscription. */
  String subscribe(Object... params) {
    return result("eth_subscribe", params).asText();
  }

  /** The next message that is not a notification; notifications before it are set aside. */
  JsonNode nextAnswer() {
    while (true) {
      JsonNode message = RpcClient.parse(next());
      if (!"eth_subscription".equals(message.path("method").asText())) {
        return message;
      }
      notifications.add(message);
    }
  }

  /** The next notification's params ({@code subscription}, {@code result}). */
  JsonNode notification() {
    JsonNode message = notifications.isEmpty() ? RpcClient.parse(next()) : notifications.poll();
    assertEquals("2.0", message.path("jsonrpc").asText(), message::toString);
    assertEquals("eth_subscription", message.path("method").asText(), message::toString);
    assertFalse(message.has("id"), message::toString);
    return message.get("params");
  }

  /** Proves that no notification is pending: a call's answer arrives with none before it. */
  void assertNoNotification() {
    assertTrue(notifications.isEmpty(), notifications::toString);
    call("eth_blockNumber");
    assertTrue(notifications.isEmpty(), () -> "unexpected: " + notifications);
  }

  /** The raw text of the next message. */
  String next() {
    try {
      String message = received.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertNotNull(message, "no message within " + TIMEOUT_SECONDS + "s");
      return message;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The status of the server's close frame (1006 when the connection just ended). */
  int closeStatus() {
    return await(closed);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      received.add(partial.toString());
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete(1006);
  }

  /**
   * Starts the closing handshake, so that the server closes the TCP connection first: an abort
   * would leave this side's ephemeral port in TIME_WAIT, where a later test's server that binds
   * port 0 may get it and then fail to bind it again (DevTessera's restart does).
   */
  @Override
  public void close() {
    if (!closed.isDone()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
    }
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("failed", e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError(e);
    }
  }
}
