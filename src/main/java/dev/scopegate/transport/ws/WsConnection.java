package dev.scopegate.transport.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RequestDecoder;
import dev.scopegate.jsonrpc.RpcBody;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.jsonrpc.RpcResponse;
import dev.scopegate.pipeline.Dispatcher;
import dev.scopegate.pipeline.Reply;
import dev.scopegate.transport.LoopWrites;
import dev.scopegate.upstream.Upstream;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * One client's WebSocket: each message — call or batch — goes through the same pipeline as HTTP
 * (policy, guards, filters), answered in order of arrival; subscriptions deliver notifications;
 * the connection closes at the token's expiry (1008 "token expired"), after an idle timeout
 * (1001), or when the client reads too slowly to keep its queue bounded (1008 "too slow").
 *
 * <p>Lives on the event loop that accepted it: everything that touches the socket runs there,
 * what other loops send (notifications) hops over in order ({@link LoopWrites}).
 */
public final class WsConnection implements Outbox {
  static final short POLICY_VIOLATION = 1008;
  static final short GOING_AWAY = 1001;
  static final short TOO_BIG = 1009;
  private static final RpcException TOKEN_EXPIRED = RpcError.TOKEN_EXPIRED.exception();

  private final Vertx vertx;
  private final ServerWebSocket socket;
  private final Principal principal;
  private final Dispatcher dispatcher;
  private final Upstream node;
  private final RequestDecoder decoder;
  private final ConnectionSubscriptions subscriptions;
  private final Instant expiresAt;
  private final Duration idleTimeout;
  private final long maxMessageBytes;
  private Future<Void> replies = Future.succeededFuture();
  /**
   * Messages received and not yet answered, by arrival, each with what it is answered if the token
   * expires first; guarded by itself.
   */
  private final SortedMap<Long, Supplier<JsonNode>> unanswered = new TreeMap<>();
  private long sequence;
  private volatile long lastHeard = System.nanoTime();
  /** No message is accepted any more (written ones still go out, then the close). */
  private volatile boolean closing;
  /** The socket's close has been asked for; on the loop only. */
  private boolean shut;
  private long expiryTimer = -1;
  private long idleTimer = -1;

  private final Context context;
  private final LoopWrites writes;

  /** Made on {@code loop}, the event loop of the connection that carried the upgrade. */
  WsConnection(Vertx vertx, Context loop, ServerWebSocket socket, Principal principal, WsContext context) {
    this.vertx = vertx;
    this.context = loop;
    this.writes = new LoopWrites(loop, WsContext.QUEUE_BYTES);
    this.socket = socket;
    this.principal = principal;
    this.dispatcher = context.dispatcher();
    this.node = context.node();
    this.decoder = context.decoder();
    this.idleTimeout = context.idleTimeout();
    this.maxMessageBytes = context.maxMessageBytes();
    this.expiresAt = principal.expiry().map(e -> e.plus(context.clockSkew())).orElse(Instant.MAX);
    this.subscriptions = new ConnectionSubscriptions(
        vertx, principal, context.subscriptions(), context.visibility(), context.holdLimit(), this,
        context.quota());
  }

  /** Wires the socket's handlers and timers; {@code onClose} runs once the socket is gone. */
  void start(Runnable onClose) {
    socket.setWriteQueueMaxSize(WsContext.QUEUE_BYTES);
    socket.textMessageHandler(text -> received(Buffer.buffer(text)));
    socket.binaryMessageHandler(this::received);
    socket.pongHandler(pong -> lastHeard = System.nanoTime());
    socket.closeHandler(v -> {
      closing = true;
      shut = true;
      vertx.cancelTimer(expiryTimer);
      vertx.cancelTimer(idleTimer);
      subscriptions.closeAll();
      onClose.run();
    });
    if (!expiresAt.equals(Instant.MAX)) {
      long millis = Math.max(1, Duration.between(Instant.now(), expiresAt).toMillis());
      expiryTimer = vertx.setTimer(millis, t -> expire());
    }
    long tick = Math.max(10, idleTimeout.toMillis() / 2);
    idleTimer = vertx.setPeriodic(tick, t -> keepAlive());
  }

  private void keepAlive() {
    if (System.nanoTime() - lastHeard > idleTimeout.toNanos()) {
      close(GOING_AWAY, "idle timeout");
    } else {
      socket.writePing(Buffer.buffer("scopegate"));
    }
  }

  private void received(Buffer message) {
    lastHeard = System.nanoTime();
    if (message.length() > maxMessageBytes) {
      close(TOO_BIG, "message over " + maxMessageBytes + " bytes");
      return;
    }
    long mine = ++sequence;
    RpcBody body;
    try {
      body = decoder.decode(message.getBytes());
    } catch (RpcException whole) {
      JsonNode refusal = whole(whole);
      track(mine, () -> refusal);
      enqueue(mine, Future.succeededFuture(refusal));
      return;
    }
    track(mine, () -> render(body.batch(), Reply.refusingAll(body.calls(), TOKEN_EXPIRED)));
    if (Instant.now().isAfter(expiresAt)) { // the expiry timer has not fired yet
      expire();
      return;
    }
    Dispatcher withSubscriptions = dispatcher.via(new ConnectionUpstream(node, subscriptions, mine));
    enqueue(mine, withSubscriptions.dispatch(principal, body.calls()).map(reply -> render(body.batch(), reply)));
  }

  private void track(long mine, Supplier<JsonNode> ifExpired) {
    synchronized (unanswered) {
      unanswered.put(mine, ifExpired);
    }
  }

  /** Sends {@code answer} after every earlier message's answer (null: nothing to send). */
  private void enqueue(long mine, Future<JsonNode> answer) {
    replies = replies.compose(v -> answer).compose(json -> {
      synchronized (unanswered) { // once expire() has run, send() refuses: closing is set
        unanswered.remove(mine);
        if (json != null) {
          send(json);
        }
      }
      subscriptions.announced(mine);
      return Future.<Void>succeededFuture();
    }, failure -> {
      synchronized (unanswered) {
        unanswered.remove(mine);
      }
      return Future.succeededFuture();
    });
  }

  /**
   * The token has expired: every call not yet answered — received before the expiry and still at
   * the node, or racing the close — gets {@code -32001 token expired} with its id, in order of
   * arrival; no answer computed after this moment reaches the client; then the socket closes.
   */
  private void expire() {
    synchronized (unanswered) {
      if (closing) {
        return;
      }
      for (Supplier<JsonNode> ifExpired : unanswered.values()) {
        JsonNode refusal = ifExpired.get();
        if (refusal != null) {
          send(refusal);
        }
      }
      unanswered.clear();
      close(POLICY_VIOLATION, "token expired");
    }
  }

  private static JsonNode render(boolean batch, Reply reply) {
    if (reply.responses().isEmpty()) {
      return null;
    }
    if (!batch) {
      return reply.responses().get(0).toJson();
    }
    ArrayNode array = Json.MAPPER.createArrayNode();
    reply.responses().forEach(r -> array.add(r.toJson()));
    return array;
  }

  private static JsonNode whole(RpcException error) {
    return RpcResponse.error(NullNode.getInstance(), error).toJson();
  }

  /**
   * From any thread. False once the connection is closing, or when the client is too slow: more
   * than {@link WsContext#QUEUE_BYTES} unread, or as much again waiting to reach its event loop.
   */
  @Override
  public boolean sendText(String text) {
    if (closing) {
      return false;
    }
    if (!writes.run(text.length(), () -> write(text))) {
      context.runOnContext(v -> tooSlow());
      return false;
    }
    return !closing;
  }

  /** On the loop, in the order sent. */
  private void write(String text) {
    if (shut) {
      return;
    }
    if (socket.writeQueueFull()) {
      tooSlow();
      return;
    }
    socket.writeTextMessage(text);
  }

  private void tooSlow() {
    closing = true;
    shut(POLICY_VIOLATION, "too slow");
  }

  int subscriptions() {
    return subscriptions.count();
  }

  /** The server is stopping: close with 1001, on the connection's own event loop. */
  void goingAway() {
    context.runOnContext(v -> close(GOING_AWAY, "server shutting down"));
  }

  /** On the loop: nothing more is accepted; the close follows what was already sent. */
  private void close(short code, String reason) {
    if (!closing) {
      closing = true;
      writes.run(0, () -> shut(code, reason));
    }
  }

  private void shut(short code, String reason) {
    if (!shut) {
      shut = true;
      socket.close(code, reason);
    }
  }
}
