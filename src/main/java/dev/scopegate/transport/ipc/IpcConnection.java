package dev.scopegate.transport.ipc;

import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.transport.ws.Outbox;
import io.vertx.core.Vertx;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.transport.LoopWrites;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One operator's connection: bytes in, framed into values, each answered through the pipeline,
 * answers out in arrival order. Reading pauses while too many answers are outstanding or the
 * client is not reading its answers, so a flood costs memory only up to those bounds. Its
 * subscriptions (eth_subscribe over IPC) are fed by the shared upstream WebSocket (or, for a
 * message id naming a PSI, that PSI's), write their notifications as lines, and end when the
 * connection closes.
 */
final class IpcConnection implements Outbox {
  static final int MAX_OUTSTANDING = 64;
  /** Notification bytes that may wait to reach the connection's event loop. */
  private static final long NOTIFICATION_BYTES_IN_TRANSIT = 4 * 1024 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(IpcConnection.class);

  private final NetSocket socket;
  private final JsonFramer framer;
  private final IpcExchange exchange;
  private final InOrderReplies replies;
  private final Optional<IpcSubscriptions> subscriptions;
  private final Context context;
  private final LoopWrites writes;
  private boolean paused;
  private long sequence;
  private volatile boolean closed;

  private IpcConnection(
      Vertx vertx, Context context, NetSocket socket, long maxMessageBytes, IpcExchange exchange) {
    this.socket = socket;
    this.framer = new JsonFramer(maxMessageBytes);
    this.exchange = exchange;
    this.replies = new InOrderReplies(context, socket, this::resumeIfDrained);
    this.context = context;
    this.writes = new LoopWrites(context, NOTIFICATION_BYTES_IN_TRANSIT);
    this.subscriptions = exchange.subscriptionsFor(vertx, this);
  }

  /** Serves {@code socket}; called on its context. */
  static void serve(
      Vertx vertx, Context context, NetSocket socket, long maxMessageBytes, IpcExchange exchange) {
    IpcConnection connection = new IpcConnection(vertx, context, socket, maxMessageBytes, exchange);
    socket.handler(connection::received);
    socket.drainHandler(v -> connection.resumeIfDrained());
    socket.closeHandler(v -> {
      connection.closed = true;
      connection.subscriptions.ifPresent(IpcSubscriptions::closeAll);
    });
    // A client that goes away mid-answer is its own business, not an error of the server's.
    socket.exceptionHandler(e -> LOG.debug("ipc connection failed: {}", e.toString()));
  }

  private void received(Buffer chunk) {
    for (Frame frame : framer.feed(chunk.getBytes())) {
      if (frame instanceof Frame.Value value) {
        long mine = ++sequence;
        replies.add(
            exchange.answer(value.bytes(), mine, subscriptions),
            () -> subscriptions.ifPresent(s -> s.announced(mine)));
      } else if (frame instanceof Frame.Malformed malformed) {
        replies.add(line(RpcError.PARSE_ERROR.exception()));
        if (!malformed.resumed()) {
          replies.endWhenDone();
        }
      } else if (frame instanceof Frame.TooLarge tooLarge) {
        replies.add(line(RpcError.BODY_TOO_LARGE.withData(
            "at most " + tooLarge.limit() + " bytes per message (ipc.maxMessageBytes)")));
        replies.endWhenDone();
      }
    }
    if (replies.pending() >= MAX_OUTSTANDING || socket.writeQueueFull()) {
      paused = true;
      socket.pause();
    }
  }

  private void resumeIfDrained() {
    if (paused && replies.pending() < MAX_OUTSTANDING && !socket.writeQueueFull()) {
      paused = false;
      socket.resume();
    }
  }

  /**
   * A notification line, from any thread (subscriptions deliver on the node socket's event loop),
   * written on the connection's; a client that does not read them is closed.
   */
  @Override
  public boolean sendText(String message) {
    if (closed) {
      return false;
    }
    Buffer line = Buffer.buffer(message + "\n");
    if (!writes.run(line.length(), () -> write(line))) {
      context.runOnContext(v -> tooSlow());
      return false;
    }
    return !closed;
  }

  private void write(Buffer line) {
    if (closed) {
      return;
    }
    if (socket.writeQueueFull()) {
      tooSlow();
      return;
    }
    socket.write(line);
  }

  private void tooSlow() {
    closed = true;
    socket.close();
  }

  private static Future<Optional<Buffer>> line(RpcException error) {
    return Future.succeededFuture(Optional.of(IpcLines.error(error)));
  }
}
