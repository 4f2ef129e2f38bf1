package dev.scopegate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client as a dApp uses one: calls, answers and notifications, and the close. */
public final class WsClient implements WebSocket.Listener {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final BlockingQueue<JsonNode> answers = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> notifications = new LinkedBlockingQueue<>();
  private final CompletableFuture<String> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private final boolean reading;
  private WebSocket socket;

  private WsClient(boolean reading) {
    this.reading = reading;
  }

  /** Connects with header name/value pairs; throws {@link WebSocketHandshakeException} on refusal. */
  public static WsClient connect(URI uri, String... headers) throws Exception {
    return connect(uri, true, headers);
  }

  /** A client that never reads what it is sent (a slow consumer). */
  public static WsClient connectWithoutReading(URI uri, String... headers) throws Exception {
    return connect(uri, false, headers);
  }

  private static WsClient connect(URI uri, boolean reading, String... headers) throws Exception {
    WsClient client = new WsClient(reading);
    WebSocket.Builder builder = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    try {
      client.socket = builder.buildAsync(ws(uri), client).get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
    return client;
  }

  /** The HTTP status a refused upgrade got. */
  public static int refusal(URI uri, String... headers) throws Exception {
    try {
      connect(uri, headers).close();
      return 101;
    } catch (WebSocketHandshakeException refused) {
      return refused.getResponse().statusCode();
    }
  }

  private static URI ws(URI http) {
    return URI.create(http.toString().replaceFirst("^http", "ws"));
  }

  public void send(String text) {
    socket.sendText(text, true).join();
  }

  /** Sends and waits for the answer (subscription notifications are kept apart). */
  public JsonNode call(String text) throws InterruptedException {
    send(text);
    return take(answers, "answer");
  }

  /** The next answer to a call, within ten seconds. */
  public JsonNode answer() throws InterruptedException {
    return take(answers, "answer");
  }

  /** The next subscription notification, within ten seconds. */
  public JsonNode notification() throws InterruptedException {
    return parse(notificationText());
  }

  /** The next subscription notification as the text it came in, within ten seconds. */
  public String notificationText() throws InterruptedException {
    return take(notifications, "notification");
  }

  /** The next notification within {@code millis}, or null. */
  public JsonNode pollNotification(long millis) throws InterruptedException {
    String text = notifications.poll(millis, TimeUnit.MILLISECONDS);
    return text == null ? null : parse(text);
  }

  private static JsonNode parse(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  private static <T> T take(BlockingQueue<T> queue, String what) throws InterruptedException {
    T message = queue.poll(10, TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("no " + what + " within 10s");
    }
    return message;
  }

  /** A client made without reading starts reading now (everything queued, then the close). */
  public void startReading() {
    socket.request(Long.MAX_VALUE);
  }

  /** The close code and reason ("1008 token expired"), within {@code seconds}. */
  public String closedWithin(long seconds) throws Exception {
    return closed.get(seconds, TimeUnit.SECONDS);
  }

  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    if (reading) {
      webSocket.request(1);
    }
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      try {
        JsonNode message = Json.MAPPER.readTree(partial.toString());
        boolean notification = message.path("method").asText().equals("eth_subscription");
        if (notification) {
          notifications.add(partial.toString());
        } else {
          answers.add(message);
        }
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + partial, e);
      }
      partial.setLength(0);
    }
    if (reading) {
      webSocket.request(1);
    }
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode + " " + reason);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete("error " + error);
  }
}
