package dev.scopegate.transport.ws;

import dev.scopegate.auth.Authenticator;
import dev.scopegate.auth.Principal;
import dev.scopegate.config.Config;
import dev.scopegate.mode.CallRouter;
import dev.scopegate.upstream.ws.PsiSockets;
import dev.scopegate.transport.http.PsiPick;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.transport.OnLoop;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;
import java.util.Set;

/**
 * The WebSocket upgrade on {@code GET /}: the origin and the connection limits are checked and the
 * caller authenticated before the upgrade (failures are plain HTTP answers: 401, 403, 503); the
 * socket then belongs to a {@link WsConnection}.
 */
public final class WsUpgrade {
  private final Vertx vertx;
  private final Authenticator authenticator;
  private final WsContext context;
  private final WsLimits limits;
  private final Set<String> origins;
  private final boolean queryToken;
  private final Set<WsConnection> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final CallRouter router;
  private final Optional<PsiSockets> psiSockets;

  /**
   * @param router each connection's route, decided once at the upgrade from its {@code Quorum-PSI}
   *     header or {@code PSI} query parameter (GoQuorum reads the PSI of a WebSocket connection
   *     from its upgrade request, rpc/websocket.go)
   */
  public WsUpgrade(Vertx vertx, Authenticator authenticator, WsContext context, Config.Ws config,
      CallRouter router, Optional<PsiSockets> psiSockets) {
    this.psiSockets = psiSockets;
    this.vertx = vertx;
    this.router = router;
    this.authenticator = authenticator;
    this.context = context;
    this.limits = new WsLimits(config.maxConnections(), config.maxConnectionsPerTenant());
    this.origins = Set.copyOf(config.allowedOrigins());
    this.queryToken = config.queryToken();
  }

  /**
   * Upgrades {@code request}, or fails with the error to answer it with (HTTP). Called on the
   * request's event loop, where the connection then lives, whatever context authenticates.
   */
  public Future<Void> upgrade(HttpServerRequest request) {
    Context loop = Vertx.currentContext();
    String origin = request.getHeader("Origin");
    if (!origins.isEmpty() && origin != null && !origins.contains(origin) && !origins.contains("*")) {
      return Future.failedFuture(RpcError.ORIGIN_NOT_ALLOWED.exception());
    }
    if (request.headers().getAll("Authorization").size() > 1
        || request.headers().getAll("X-API-Key").size() > 1) {
      // which one would decide is ambiguous; a proxy in front may have added one
      return Future.failedFuture(RpcError.INVALID_TOKEN.withData("more than one credential header"));
    }
    return OnLoop.resume(loop, authenticator
        .authenticate(authorization(request), Optional.ofNullable(request.getHeader("X-API-Key")),
            Optional.ofNullable(request.getHeader("X-Tenant-ID")),
            dev.scopegate.transport.http.ClientCertificate.verified(request)))
        .compose(authenticated -> {
          CallRouter.Route route = router.route(authenticated, PsiPick.of(request));
          Principal principal = route.principal();
          limits.admit(principal);
          Optional<PsiSockets.Lease> lease;
          try {
            lease = principal.psi().flatMap(psi -> psiSockets.map(sockets -> sockets.lease(psi)));
          } catch (RuntimeException stopping) {
            limits.release(principal);
            throw stopping;
          }
          WsContext routed = lease
              .map(held -> context.routedToPsi(route.dispatcher(), route.node(), held.socket()))
              .orElseGet(() -> context.routed(route.dispatcher(), route.node()));
          Runnable releaseLease = () -> lease.ifPresent(PsiSockets.Lease::release);
          return request.toWebSocket()
              .onFailure(e -> {
                limits.release(principal);
                releaseLease.run();
              })
              .map(socket -> {
                WsConnection connection = new WsConnection(vertx, loop, socket, principal, routed);
                open.add(connection);
                connection.start(() -> {
                  open.remove(connection);
                  limits.release(principal);
                  releaseLease.run();
                });
                return null;
              });
        });
  }

  /** The bearer token: the header, or (only when allowed) the {@code access_token} parameter. */
  private Optional<String> authorization(HttpServerRequest request) {
    String header = request.getHeader("Authorization");
    if (header != null || !queryToken) {
      return Optional.ofNullable(header);
    }
    return Optional.ofNullable(request.getParam("access_token")).map(t -> "Bearer " + t);
  }

  /** The server is stopping: every open connection is closed with 1001 ("going away"). */
  public void goingAway() {
    open.forEach(WsConnection::goingAway);
  }

  /** Subscriptions open on all connections. */
  public int subscriptions() {
    return open.stream().mapToInt(WsConnection::subscriptions).sum();
  }

  public WsLimits limits() {
    return limits;
  }
}
