package dev.scopegate.transport.http;

import dev.scopegate.config.Config;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.transport.Deadlines;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the listener's connections before anyone is authenticated: at most
 * {@code server.maxConnections} open (one more is answered 503 and closed), and a connection
 * that has not completed its next request's headers within {@code server.idleTimeout} of opening
 * or of its last answer is closed (this also ends header trickling). Connections upgraded to
 * WebSocket leave for the WebSocket's own ping/idle rules. Netty's idle timeout is not used: it
 * would count a trickled header byte as traffic, and would close quiet WebSocket connections.
 */
final class ConnectionGuard implements Handler<RoutingContext> {
  // an over-limit connection is kept only this long for the request its refusal answers
  private static final long REFUSAL_GRACE_MS = 2_000;

  private final Deadlines idle;
  private final Deadlines grace;
  private final Config.Connections limits;
  private final AtomicInteger open = new AtomicInteger();
  private final Map<HttpConnection, Watch> watches = new ConcurrentHashMap<>();
  private final Runnable accepted;

  ConnectionGuard(Vertx vertx, Config.Connections limits, Runnable accepted) {
    this.idle = new Deadlines(vertx, limits.idleTimeout());
    this.grace = new Deadlines(vertx, Duration.ofMillis(REFUSAL_GRACE_MS));
    this.limits = limits;
    this.accepted = accepted;
  }

  /** For {@code HttpServer.connectionHandler}: on the connection's event loop. */
  void connected(HttpConnection connection) {
    accepted.run();
    boolean over = open.incrementAndGet() > limits.maxConnections();
    Watch watch = new Watch(connection, over);
    watches.put(connection, watch);
    connection.closeHandler(closed -> {
      open.decrementAndGet();
      watches.remove(connection);
      watch.stopWaiting();
    });
    watch.awaitRequest(over ? grace : idle);
  }

  /** First route of every request: refuses over-limit connections, pauses the idle clock. */
  @Override
  public void handle(RoutingContext ctx) {
    Watch watch = watches.get(ctx.request().connection());
    if (watch == null) {
      ctx.next();
      return;
    }
    watch.stopWaiting();
    if (watch.over) {
      HttpReplies.errorAndClose(ctx, RpcError.TOO_MANY_CONNECTIONS.withData(
          "at most " + limits.maxConnections() + " connections (server.maxConnections)"));
      return;
    }
    ctx.addEndHandler(ended -> watch.awaitRequest(idle));
    ctx.next();
  }

  /** The connection now carries a WebSocket, whose own rules apply from here on. */
  void upgraded(HttpConnection connection) {
    Watch watch = watches.get(connection);
    if (watch != null) {
      watch.upgraded = true;
      watch.stopWaiting();
    }
  }

  int open() {
    return open.get();
  }

  private final class Watch {
    private final HttpConnection connection;
    private final boolean over;
    private volatile boolean upgraded;
    private Deadlines.Deadline waiting;

    Watch(HttpConnection connection, boolean over) {
      this.connection = connection;
      this.over = over;
    }

    synchronized void awaitRequest(Deadlines length) {
      stopWaiting();
      if (!upgraded) {
        waiting = length.arm(() -> {
          if (!upgraded) {
            connection.close();
          }
        });
      }
    }

    synchronized void stopWaiting() {
      if (waiting != null) {
        waiting.cancel();
        waiting = null;
      }
    }
  }
}
