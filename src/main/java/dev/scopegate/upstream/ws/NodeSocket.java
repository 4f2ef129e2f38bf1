package dev.scopegate.upstream.ws;

import dev.scopegate.upstream.Backoff;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one WebSocket to the node. Connects on first use and from then on keeps itself up: a lost
 * connection or a failed attempt schedules the next one with backoff, until {@link #close}.
 * Confined to the context it is used from.
 */
final class NodeSocket {
  /** What the socket reports; called on the socket's context. */
  interface Events {
    void opened();

    void message(String text);

    void lost();
  }

  private static final Logger LOG = LoggerFactory.getLogger(NodeSocket.class);
  // eth_getLogs answers (backfills) can be large; the default 256 KiB would close the socket.
  private static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

  private final Vertx vertx;
  private final WebSocketClient client;
  private final WebSocketConnectOptions target;
  private final String logName;
  private final Backoff backoff;
  private final Events events;
  private WebSocket open;
  private Future<WebSocket> connecting;
  private long retryTimer = -1;
  private long outageSince = -1;
  private boolean closed;

  NodeSocket(Vertx vertx, URI url, Duration connectTimeout, Reconnect reconnect, Events events) {
    this(vertx, url, java.util.Map.of(), connectTimeout, reconnect, events);
  }

  /** {@code headers}: sent with the upgrade request (a PSI, as GoQuorum reads it there). */
  NodeSocket(Vertx vertx, URI url, java.util.Map<String, String> headers, Duration connectTimeout,
      Reconnect reconnect, Events events) {
    this.vertx = vertx;
    this.events = events;
    this.backoff = new Backoff(reconnect.firstDelay(), reconnect.maxDelay());
    // Only scheme, host and port are logged: a path may carry a provider's key.
    this.logName = url.getScheme() + "://" + url.getHost() + ":" + url.getPort();
    this.client =
        vertx.createWebSocketClient(
            new WebSocketClientOptions()
                .setMaxMessageSize(MAX_MESSAGE_BYTES)
                .setMaxFrameSize(MAX_MESSAGE_BYTES)
                .setConnectTimeout((int) Math.min(connectTimeout.toMillis(), Integer.MAX_VALUE)));
    // geth's default --wsorigins refuses an Origin other than its own host: send none.
    this.target =
        new WebSocketConnectOptions().setAbsoluteURI(url.toString()).setAllowOriginHeader(false);
    headers.forEach(target::addHeader);
  }

  /** The open socket; connecting now if never tried. Fails fast while waiting to retry. */
  Future<WebSocket> connected() {
    if (closed) {
      return Future.failedFuture(RpcError.UPSTREAM_UNREACHABLE.withData("upstream closed"));
    }
    if (open != null) {
      return Future.succeededFuture(open);
    }
    if (connecting != null) {
      return connecting;
    }
    if (retryTimer != -1) {
      return Future.failedFuture(unreachable());
    }
    return connect();
  }

  private Future<WebSocket> connect() {
    Promise<WebSocket> result = Promise.promise();
    connecting = result.future();
    client
        .connect(target)
        .onComplete(
            attempt -> {
              connecting = null;
              if (attempt.succeeded() && opened(attempt.result())) {
                result.complete(attempt.result());
              } else {
                if (attempt.failed()) {
                  attemptFailed(attempt.cause());
                }
                result.fail(unreachable());
              }
            });
    return result.future();
  }

  private boolean opened(WebSocket ws) {
    if (closed) {
      ws.close();
      return false;
    }
    open = ws;
    backoff.reset();
    if (outageSince >= 0) {
      LOG.info("node websocket {} restored after {} ms", logName, now() - outageSince);
    } else {
      LOG.info("connected to node websocket {}", logName);
    }
    outageSince = -1;
    ws.textMessageHandler(events::message);
    ws.binaryMessageHandler(buffer -> events.message(buffer.toString()));
    ws.exceptionHandler(e -> LOG.debug("node websocket {}: {}", logName, e.toString()));
    ws.closeHandler(v -> lost(ws));
    events.opened();
    return true;
  }

  private void lost(WebSocket ws) {
    if (open != ws) {
      return;
    }
    open = null;
    outageSince = now();
    LOG.warn("lost the node websocket {}; reconnecting", logName);
    scheduleRetry(); // first: while the loss is reported, connected() fails fast, never reconnects
    events.lost();
  }

  private void attemptFailed(Throwable cause) {
    if (outageSince < 0) {
      outageSince = now();
      LOG.warn("cannot reach node websocket {}: {}; retrying", logName, cause.toString());
    } else {
      LOG.debug("node websocket {} still unreachable: {}", logName, cause.toString());
    }
    scheduleRetry();
  }

  private void scheduleRetry() {
    if (closed || retryTimer != -1) {
      return;
    }
    retryTimer =
        vertx.setTimer(
            backoff.next(),
            t -> {
              retryTimer = -1;
              if (!closed && open == null && connecting == null) {
                connect();
              }
            });
  }

  private RpcException unreachable() {
    return RpcError.UPSTREAM_UNREACHABLE.withData("node websocket unreachable; reconnecting");
  }

  private static long now() {
    return System.currentTimeMillis();
  }

  Future<Void> close() {
    closed = true;
    if (retryTimer != -1) {
      vertx.cancelTimer(retryTimer);
      retryTimer = -1;
    }
    WebSocket ws = open;
    open = null;
    Future<Void> closing = ws == null ? Future.succeededFuture() : ws.close();
    return closing.transform(ignored -> client.close());
  }
}
