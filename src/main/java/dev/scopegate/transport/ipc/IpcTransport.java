package dev.scopegate.transport.ipc;

import dev.scopegate.config.Config;
import dev.scopegate.jsonrpc.RequestDecoder;
import dev.scopegate.pipeline.Dispatcher;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.SocketAddress;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;
import dev.scopegate.transport.ws.WsContext;

/**
 * The operators' endpoint: JSON-RPC over a Unix domain socket at {@code ipc.path}, as geth
 * serves it. The socket file appears with its final mode only; a stale one from a crashed run
 * is replaced, a live one stops startup; stopping removes it. File work runs off the event loop.
 */
public final class IpcTransport {
  private final Vertx vertx;
  private final NetServer server;
  private final PublishedSocket socket;

  private IpcTransport(Vertx vertx, NetServer server, PublishedSocket socket) {
    this.vertx = vertx;
    this.server = server;
    this.socket = socket;
  }

  /** Serves {@code config.path()}, which must be present; fails with an {@link IpcStartException}. */
  public static Future<IpcTransport> start(
      Vertx vertx, Config.Ipc config, RequestDecoder decoder, Dispatcher dispatcher) {
    return start(vertx, config, decoder, dispatcher, Optional.empty());
  }

  /** As above; {@code subscriptions} serves eth_subscribe over IPC from the shared upstream socket. */
  public static Future<IpcTransport> start(
      Vertx vertx,
      Config.Ipc config,
      RequestDecoder decoder,
      Dispatcher dispatcher,
      Optional<WsContext> subscriptions) {
    return start(vertx, config, decoder, dispatcher, subscriptions, psi -> { throw new IllegalStateException("no PSI routing"); });
  }

  /** As below, without per-PSI sockets: a subscription naming a PSI is refused. */
  public static Future<IpcTransport> start(
      Vertx vertx,
      Config.Ipc config,
      RequestDecoder decoder,
      Dispatcher dispatcher,
      Optional<WsContext> subscriptions,
      dev.scopegate.upstream.PsiUpstreams psis) {
    return start(vertx, config, decoder, dispatcher, subscriptions, psis, Optional.empty());
  }

  /**
   * A message whose id names a PSI ({@code "<PSI>/<n>"}) is served from {@code psis.at(PSI)}, its
   * subscriptions from that PSI's socket in {@code psiSockets}.
   */
  public static Future<IpcTransport> start(
      Vertx vertx,
      Config.Ipc config,
      RequestDecoder decoder,
      Dispatcher dispatcher,
      Optional<WsContext> subscriptions,
      dev.scopegate.upstream.PsiUpstreams psis,
      Optional<dev.scopegate.upstream.ws.PsiSockets> psiSockets) {
    Path path = config.path().orElseThrow(() -> new IllegalArgumentException("no ipc.path"));
    Set<PosixFilePermission> mode;
    try {
      mode = FileMode.parse(path, config.mode());
    } catch (IpcStartException e) {
      return Future.failedFuture(e);
    }
    IpcExchange exchange = new IpcExchange(decoder, dispatcher, subscriptions, psis, psiSockets);
    return vertx
        .executeBlocking(() -> {
          ExistingSocket.clear(path);
          return StagedSocket.create(path);
        })
        .compose(staged -> listen(vertx, staged, config.maxMessageBytes(), exchange)
            .compose(server -> vertx.executeBlocking(() -> staged.publish(mode))
                .map(published -> new IpcTransport(vertx, server, published))
                .recover(e -> server.close().transform(closed -> Future.failedFuture(e))))
            .recover(e -> vertx.executeBlocking(() -> discard(staged))
                .transform(discarded -> Future.failedFuture(e))));
  }

  private static Future<NetServer> listen(
      Vertx vertx, StagedSocket staged, long maxMessageBytes, IpcExchange exchange) {
    NetServer server = vertx.createNetServer();
    server.connectHandler(
        socket -> IpcConnection.serve(vertx, vertx.getOrCreateContext(), socket, maxMessageBytes, exchange));
    return server
        .listen(SocketAddress.domainSocketAddress(staged.bindPath()))
        .recover(e -> Future.failedFuture(
            new IpcStartException(staged.target(), "cannot listen: " + e.getMessage(), e)));
  }

  private static Void discard(StagedSocket staged) {
    staged.discard();
    return null;
  }

  public Path path() {
    return socket.path();
  }

  /** Stops listening, closes the connections, removes the socket file. */
  public Future<Void> stop() {
    return server.close().eventually(() -> vertx.executeBlocking(() -> {
      socket.remove();
      return null;
    })).mapEmpty();
  }
}
