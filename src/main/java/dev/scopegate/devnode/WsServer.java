package dev.scopegate.devnode;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON-RPC over WebSocket on a port of its own, as GoQuorum's {@code --ws} endpoint: every method
 * of the HTTP endpoint, single and batch, plus subscriptions. Messages are at most 5 MiB, as geth
 * reads them; any {@code Origin} is accepted (geth with {@code --wsorigins '*'}).
 */
final class WsServer {
  /** A node shutting its endpoint: RFC 6455 "going away". */
  private static final short GOING_AWAY = 1001;

  private final Vertx vertx;
  private final HttpServerOptions options;
  private final HttpServer server;
  private final NodeCalls table;
  private final Subscriptions hub;
  private final RequestCounter requests;

  /** Each open connection, and what completes once it is closed and its subscriptions ended. */
  private final Map<ServerWebSocket, Promise<Void>> sockets = new ConcurrentHashMap<>();

  private volatile boolean available = true;

  private WsServer(
      Vertx vertx,
      HttpServerOptions options,
      NodeCalls table,
      Subscriptions hub,
      RequestCounter requests) {
    this.vertx = vertx;
    this.options = options;
    this.server = vertx.createHttpServer(options);
    this.table = table;
    this.hub = hub;
    this.requests = requests;
  }

  // go-ethereum rpc/websocket.go (GoQuorum keeps it): wsMessageSizeLimit = 15 MiB, set by
  // newWebsocketCodec with conn.SetReadLimit; a larger message closes the connection (1009)
  static final int READ_LIMIT = 15 * 1024 * 1024;

  static Future<WsServer> start(
      Vertx vertx, String host, NodeCalls table, Subscriptions hub, RequestCounter requests) {
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(host)
            .setPort(0)
            .setMaxWebSocketMessageSize(READ_LIMIT)
            .setMaxWebSocketFrameSize(READ_LIMIT);
    WsServer ws = new WsServer(vertx, options, table, hub, requests);
    return ws.server
        .webSocketHandshakeHandler(ws::handshake)
        .webSocketHandler(ws::open)
        .requestHandler(request -> request.response().setStatusCode(400).end("Bad Request\n"))
        .listen()
        .map(ws);
  }

  URI url() {
    String host = options.getHost();
    String authority = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("ws://" + authority + ":" + server.actualPort() + "/");
  }

  void available(boolean up) {
    available = up;
  }

  int connections() {
    return sockets.size();
  }

  long subscribeCount(String kind) {
    return hub.requested().of(kind);
  }

  Future<Void> subscribed(String kind, long count) {
    return hub.requested().reaches(kind, count);
  }

  void resetSubscribeCounts() {
    hub.requested().reset();
  }

  /** Closes every connection; completes once each is closed and its subscriptions ended. */
  Future<Void> drop() {
    List<Future<Void>> closed = new ArrayList<>();
    sockets.forEach(
        (socket, ended) -> {
          socket.close(GOING_AWAY, "going away");
          closed.add(ended.future());
        });
    return Future.all(closed).mapEmpty();
  }

  Future<Void> close() {
    return server.close();
  }

  private void handshake(ServerWebSocketHandshake handshake) {
    if (available) {
      handshake.accept();
    } else {
      handshake.reject(503);
    }
  }

  private void open(ServerWebSocket socket) {
    // GoQuorum reads a connection's PSI from its upgrade request (rpc/websocket.go)
    String psi = socket.headers().get("Quorum-PSI") != null && !socket.headers().get("Quorum-PSI").isEmpty()
        ? socket.headers().get("Quorum-PSI")
        : psiParam(socket.query());
    WsSession session = new WsSession(socket, vertx.getOrCreateContext(), hub, psi);
    NodeDispatcher dispatcher =
        new NodeDispatcher(new SubscriptionCalls(table, Optional.of(session), hub), requests);
    Promise<Void> ended = Promise.promise();
    sockets.put(socket, ended);
    socket.closeHandler(
        v -> {
          sockets.remove(socket);
          session.close();
          ended.complete();
        });
    socket.textMessageHandler(
        text -> answer(session, dispatcher, text.getBytes(StandardCharsets.UTF_8)));
    socket.binaryMessageHandler(buffer -> answer(session, dispatcher, buffer.getBytes()));
  }

  private static void answer(WsSession session, NodeDispatcher dispatcher, byte[] message) {
    Psi.serving(session.psi(), () -> dispatcher.handle(message)).ifPresent(session::send);
  }

  private static String psiParam(String query) {
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.startsWith("PSI=") && pair.length() > 4) {
          return java.net.URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8);
        }
      }
    }
    return Psi.DEFAULT;
  }
}
