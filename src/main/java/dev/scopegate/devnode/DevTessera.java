package dev.scopegate.devnode;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dev node's privacy manager: Tessera's Q2T reads over HTTP, and over a Unix domain socket when
 * a path is given (GoQuorum's {@code tm.ipc}). Tests can make it answer 503 ({@link #available}) or
 * stop listening altogether ({@link #stopListening}), so that a caller meets a refused connection,
 * and count what reached it.
 */
public final class DevTessera {
  /** The managed keys of the default dev Tessera: fixed, so tests and demos can name them. */
  public static final String KA = "dXfb+FNXvy44IvHnShX/BPbu+8lwAISp5QjOSf0ABn4=";

  public static final String KB = "YKVCzQRXgMDt1MvLu6L+EcOZ5Z+eQ63OMJWW0Z60jTo=";
  public static final String KC = "n61gYC/HfyIhDjF3EUlzBGj6iNcttc4u5szYy8NvryU=";

  /** Keys of other nodes' Tesseras, never managed by the dev Tessera. */
  public static final String FOREIGN_X = "3ubbyn5msWhg4GMl5IohUxipdgdzFWyh2CGMCkOvpe0=";

  public static final String FOREIGN_Y = "HcxyqQUmZ13O4YsYRL6VeOq8nj4vZiqfG/QGvOmLG0U=";
  public static final List<String> DEFAULT_KEYS = List.of(KA, KB, KC);

  private static final int REBIND_ATTEMPTS = 40;
  private static final long REBIND_PAUSE_MS = 25;

  private final Vertx vertx;
  private final TesseraStore store;
  private final String host;
  private final Optional<Path> socketPath;
  private final AtomicBoolean available = new AtomicBoolean(true);
  private final AtomicLong requestCount = new AtomicLong();
  private final List<HttpServer> servers = new ArrayList<>();
  private int port;

  private DevTessera(
      Vertx vertx, TesseraStore store, String host, int port, Optional<Path> socket) {
    this.vertx = vertx;
    this.store = store;
    this.host = host;
    this.port = port;
    this.socketPath = socket;
  }

  /** Starts serving {@code store} on {@code host}, a free port, and {@code socket} if given. */
  public static Future<DevTessera> start(
      Vertx vertx, TesseraStore store, String host, Optional<Path> socket) {
    DevTessera tessera = new DevTessera(vertx, store, host, 0, socket);
    return tessera.startListening().map(tessera);
  }

  /** Where Tessera's HTTP API is, e.g. {@code http://127.0.0.1:40123}. */
  public synchronized URI url() {
    String authority = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + authority + ":" + port);
  }

  public List<String> keys() {
    return store.keys();
  }

  public TesseraStore store() {
    return store;
  }

  /** While false, every request is answered 503. */
  public void available(boolean up) {
    available.set(up);
  }

  /** Requests received over either listener, refused ones included; resettable. */
  public AtomicLong requestCount() {
    return requestCount;
  }

  /** Listens again, on the same port and socket path as before. */
  public synchronized Future<Void> startListening() {
    if (!servers.isEmpty()) {
      return Future.succeededFuture();
    }
    TesseraFrontend frontend = new TesseraFrontend(store, available, requestCount);
    Future<HttpServer> tcp = listenTcp(frontend, REBIND_ATTEMPTS);
    Future<HttpServer> unix =
        socketPath
            .map(path -> server(frontend).listen(SocketAddress.domainSocketAddress(clear(path))))
            .orElse(Future.succeededFuture());
    return Future.all(tcp, unix)
        .<Void>map(
            all -> {
              synchronized (this) {
                port = tcp.result().actualPort();
                servers.add(tcp.result());
                if (unix.result() != null) {
                  servers.add(unix.result());
                }
              }
              return null;
            })
        .recover(
            failure -> {
              // One listener up and the other not: close the one, so a retry starts clean.
              Future<Void> closeTcp =
                  tcp.succeeded() ? tcp.result().close() : Future.succeededFuture();
              Future<Void> closeUnix =
                  unix.succeeded() && unix.result() != null
                      ? unix.result().close()
                      : Future.succeededFuture();
              return Future.join(closeTcp, closeUnix)
                  .transform(closed -> Future.<Void>failedFuture(failure));
            });
  }

  /**
   * Binds the TCP listener, on the port of the previous listener after a restart. Vert.x may
   * complete a server's close before the kernel has released its port (seen here when a
   * Unix-socket server closes alongside it), so a rebind is retried briefly rather than failed.
   */
  private Future<HttpServer> listenTcp(TesseraFrontend frontend, int attemptsLeft) {
    return server(frontend)
        .listen(port, host)
        .recover(
            failure -> {
              if (port == 0 || attemptsLeft <= 1 || !(failure instanceof BindException)) {
                return Future.failedFuture(failure);
              }
              return vertx
                  .timer(REBIND_PAUSE_MS)
                  .compose(elapsed -> listenTcp(frontend, attemptsLeft - 1));
            });
  }

  /** Stops listening: connections are refused until {@link #startListening}. */
  public synchronized Future<Void> stopListening() {
    List<Future<Void>> closing = servers.stream().map(HttpServer::close).toList();
    servers.clear();
    return Future.all(closing)
        .<Void>mapEmpty()
        .onComplete(done -> socketPath.ifPresent(DevTessera::clear));
  }

  public Future<Void> close() {
    return stopListening();
  }

  private HttpServer server(TesseraFrontend frontend) {
    return vertx.createHttpServer(new HttpServerOptions()).requestHandler(frontend);
  }

  /** A socket file left by an earlier listener would make the bind fail. */
  private static String clear(Path path) {
    try {
      Files.deleteIfExists(path);
      return path.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
