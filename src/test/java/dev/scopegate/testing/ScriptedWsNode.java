package dev.scopegate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scopegate.jsonrpc.Json;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A stand-in node over WebSocket whose answers each test scripts. By default it serves
 * eth_subscribe / eth_unsubscribe (ids {@code 0x1, 0x2, …}), eth_blockNumber and eth_getLogs over
 * the logs it was given ({@link #mine}), and answers any other method "does not exist". It emits
 * eth_subscription notifications, drops every connection, refuses new ones or new subscriptions.
 * Batches are answered in one array, in order, and notifications that arise while a batch runs go
 * out after its answer, as geth does. Everything runs on one event loop, so what it writes goes
 * out in the order it was done; tests wait on its counts with a deadline.
 */
public final class ScriptedWsNode {
  /** How a test answers one method. */
  @FunctionalInterface
  public interface Script {
    void answer(Call call);
  }

  /** One call as received; answer it now or later (or never). */
  public final class Call {
    private final ServerWebSocket socket;
    private final JsonNode request;
    private List<JsonNode> batch;

    private Call(ServerWebSocket socket, JsonNode request, List<JsonNode> batch) {
      this.socket = socket;
      this.request = request;
      this.batch = batch;
    }

    public String method() {
      return request.path("method").asText();
    }

    public JsonNode params() {
      return request.path("params");
    }

    public JsonNode id() {
      return request.get("id");
    }

    public void result(JsonNode result) {
      ObjectNode answer = envelope();
      answer.set("result", result);
      send(answer);
    }

    public void error(int code, String message) {
      ObjectNode answer = envelope();
      answer.putObject("error").put("code", code).put("message", message);
      send(answer);
    }

    private ObjectNode envelope() {
      ObjectNode answer = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0");
      answer.set("id", id());
      return answer;
    }

    private void send(JsonNode answer) {
      onNode(
          () -> {
            if (batch != null) {
              batch.add(answer);
            } else {
              socket.writeTextMessage(Json.string(answer));
            }
          });
    }
  }

  private record Subscribed(ServerWebSocket socket, JsonNode params) {}

  private static final String PARSE_ERROR =
      "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"parse error\"}}";

  private final Context context;
  private final Map<String, Script> scripts = new ConcurrentHashMap<>();
  // Mutated on the node's event loop; read by tests under the monitor.
  private final List<JsonNode> received = new ArrayList<>();
  private final Map<String, Subscribed> subscriptions = new LinkedHashMap<>();
  private final Set<ServerWebSocket> sockets = new LinkedHashSet<>();
  private final Map<ServerWebSocket, List<String>> deferred = new HashMap<>();
  private final List<JsonNode> logs = new ArrayList<>();
  private HttpServer server;
  private Thread thread;
  private long head;
  private int nextSubscription = 1;
  private int connections;
  private volatile boolean refusingConnections;
  private volatile String refusingSubscriptions;

  private ScriptedWsNode(Vertx vertx) {
    this.context = vertx.getOrCreateContext();
    scripts.put("eth_subscribe", this::subscribe);
    scripts.put("eth_unsubscribe", this::unsubscribe);
    scripts.put("eth_blockNumber", call -> call.result(hex(head)));
    scripts.put("eth_getLogs", call -> call.result(logsIn(call.params().path(0))));
  }

  public static ScriptedWsNode start(Vertx vertx) {
    ScriptedWsNode node = new ScriptedWsNode(vertx);
    Promise<HttpServer> listening = Promise.promise();
    node.context.runOnContext(
        v -> {
          node.thread = Thread.currentThread();
          node.server = vertx.createHttpServer().requestHandler(node::upgrade);
          node.server.listen(0, "127.0.0.1").onComplete(listening);
        });
    await(listening.future());
    return node;
  }

  private void upgrade(HttpServerRequest request) {
    if (refusingConnections) {
      request.response().setStatusCode(503).end();
      return;
    }
    request
        .toWebSocket()
        .onSuccess(
            ws ->
                onNode(
                    () -> {
                      synchronized (this) {
                        sockets.add(ws);
                        connections++;
                        notifyAll();
                      }
                      ws.textMessageHandler(text -> onNode(() -> handle(ws, text)));
                      ws.closeHandler(v -> onNode(() -> closed(ws)));
                    }));
  }

  private synchronized void closed(ServerWebSocket ws) {
    sockets.remove(ws);
    subscriptions.values().removeIf(s -> s.socket() == ws);
    notifyAll();
  }

  private void handle(ServerWebSocket ws, String text) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(text);
    } catch (IOException e) {
      ws.writeTextMessage(PARSE_ERROR);
      return;
    }
    if (!root.isArray()) {
      dispatch(new Call(ws, root, null));
      return;
    }
    List<JsonNode> answers = new ArrayList<>();
    List<Call> calls = new ArrayList<>();
    root.forEach(item -> calls.add(new Call(ws, item, answers)));
    deferred.put(ws, new ArrayList<>());
    calls.forEach(this::dispatch);
    calls.forEach(call -> call.batch = null); // later answers go out on their own
    if (!answers.isEmpty()) {
      ArrayNode array = Json.MAPPER.createArrayNode();
      answers.forEach(array::add);
      ws.writeTextMessage(Json.string(array));
    }
    deferred.remove(ws).forEach(ws::writeTextMessage);
  }

  private void dispatch(Call call) {
    synchronized (this) {
      received.add(call.request);
      notifyAll();
    }
    Script script = scripts.get(call.method());
    if (script != null) {
      script.answer(call);
    } else if (call.id() != null) {
      call.error(-32601, "the method " + call.method() + " does not exist/is not available");
    }
  }

  private synchronized void subscribe(Call call) {
    if (refusingSubscriptions != null) {
      call.error(-32000, refusingSubscriptions);
      return;
    }
    String id = hex(nextSubscription++).asText();
    subscriptions.put(id, new Subscribed(call.socket, call.params()));
    call.result(TextNode.valueOf(id));
    notifyAll();
  }

  private synchronized void unsubscribe(Call call) {
    boolean known = subscriptions.remove(call.params().path(0).asText()) != null;
    call.result(Json.MAPPER.getNodeFactory().booleanNode(known));
    notifyAll();
  }

  /** What the default eth_getLogs answers: stored logs in the criteria's block range, in order. */
  public synchronized ArrayNode logsIn(JsonNode criteria) {
    long from = Long.decode(criteria.path("fromBlock").asText("0x0"));
    long to = Long.decode(criteria.path("toBlock").asText(hex(head).asText()));
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (JsonNode log : logs) {
      long block = Long.decode(log.path("blockNumber").asText());
      if (block >= from && block <= to) {
        out.add(log);
      }
    }
    return out;
  }

  // ---- what tests do ----

  /** Replaces how {@code method} is answered. */
  public void on(String method, Script script) {
    scripts.put(method, script);
  }

  /** Sends {@code result} to every live subscription whose type (first param) is {@code type}. */
  public void emit(String type, JsonNode result) {
    onNode(
        () -> {
          synchronized (this) {
            subscriptions.forEach(
                (id, s) -> {
                  if (s.params().path(0).asText().equals(type)) {
                    String text = Json.string(notification(id, result));
                    List<String> later = deferred.get(s.socket());
                    if (later != null) {
                      later.add(text);
                    } else {
                      s.socket().writeTextMessage(text);
                    }
                  }
                });
          }
        });
  }

  /** A new log: kept for eth_getLogs, the head moves to its block, live logs subscribers get it. */
  public void mine(JsonNode log) {
    onNode(
        () -> {
          store(log);
          emit("logs", log);
        });
  }

  /** A new log that no live subscriber is told about (yet): {@link #emit} it for a late one. */
  public void store(JsonNode log) {
    onNode(
        () -> {
          synchronized (this) {
            logs.add(log);
            head = Math.max(head, Long.decode(log.path("blockNumber").asText()));
          }
        });
  }

  public void head(long block) {
    onNode(
        () -> {
          synchronized (this) {
            head = block;
          }
        });
  }

  /** Closes every open connection, as a node restarting would. */
  public void dropAll() {
    onNode(() -> List.copyOf(sockets).forEach(ServerWebSocket::close));
  }

  /** While true, WebSocket upgrades are answered 503. */
  public void refuseConnections(boolean refuse) {
    refusingConnections = refuse;
  }

  /** While set, eth_subscribe fails with this message. */
  public void refuseSubscriptions(String message) {
    refusingSubscriptions = message;
  }

  public synchronized int count(String method) {
    return (int) received.stream().filter(r -> r.path("method").asText().equals(method)).count();
  }

  /** The params of each call of {@code method}, in arrival order. */
  public synchronized List<JsonNode> params(String method) {
    return received.stream()
        .filter(r -> r.path("method").asText().equals(method))
        .map(r -> r.path("params"))
        .toList();
  }

  public synchronized List<JsonNode> received() {
    return List.copyOf(received);
  }

  public synchronized int activeSubscriptions() {
    return subscriptions.size();
  }

  public void awaitCount(String method, int atLeast) {
    awaitUntil(() -> count(method) >= atLeast, atLeast + " call(s) of " + method);
  }

  public void awaitConnections(int atLeast) {
    awaitUntil(() -> connections >= atLeast, atLeast + " connection(s)");
  }

  public void awaitOpenConnections(int exactly) {
    awaitUntil(() -> sockets.size() == exactly, exactly + " open connection(s)");
  }

  public void awaitActiveSubscriptions(int exactly) {
    awaitUntil(() -> subscriptions.size() == exactly, exactly + " active subscription(s)");
  }

  private synchronized void awaitUntil(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        throw new AssertionError("stand-in node: no " + what + " within 10 s");
      }
      try {
        wait(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  public URI url() {
    return URI.create("ws://127.0.0.1:" + server.actualPort() + "/");
  }

  public void close() {
    await(server.close());
  }

  private void onNode(Runnable action) {
    if (Thread.currentThread() == thread) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }

  private static ObjectNode notification(String id, JsonNode result) {
    ObjectNode message =
        Json.MAPPER.createObjectNode().put("jsonrpc", "2.0").put("method", "eth_subscription");
    ObjectNode params = message.putObject("params").put("subscription", id);
    params.set("result", result);
    return message;
  }

  private static TextNode hex(long quantity) {
    return TextNode.valueOf("0x" + Long.toHexString(quantity));
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("stand-in node: " + e, e);
    }
  }
}
