package dev.scopegate.transport.ws;

import dev.scopegate.auth.Authenticator;
import dev.scopegate.config.Config;
import dev.scopegate.jsonrpc.RpcError;
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

  public WsUpgrade(Vertx vertx, Authenticator authenticator, WsContext context, Config.Ws config) {
    this.vertx = vertx;
    this.authenticator = authenticator;
    this.context = context;
    this.limits = new WsLimits(config.maxConnections(), config.maxConnectionsPerTenant());
    this.origins = Set.copyOf(config.allowedOrigins());
    this.queryToken = config.queryToken();
  }

  /** Upgrades {@code request}, or fails with the error to answer it with (HTTP). */
  public Future<Void> upgrade(HttpServerRequest request) {
    String origin = request.getHeader("Origin");
    if (!origins.isEmpty() && origin != null && !origins.contains(origin) && !origins.contains("*")) {
      return Future.failedFuture(RpcError.ORIGIN_NOT_ALLOWED.exception());
    }
    if (request.headers().getAll("Authorization").size() > 1
        || request.headers().getAll("X-API-Key").size() > 1) {
      // which one would decide is ambiguous; a proxy in front may have added one
      return Future.failedFuture(RpcError.INVALID_TOKEN.withData("more than one credential header"));
    }
    return authenticator
        .authenticate(authorization(request), Optional.ofNullable(request.getHeader("X-API-Key")))
        .compose(principal -> {
          limits.admit(principal);
          return request.toWebSocket()
              .onFailure(e -> limits.release(principal))
              .map(socket -> {
                new WsConnection(vertx, socket, principal, context).start(() -> limits.release(principal));
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

  public WsLimits limits() {
    return limits;
  }
}
