package dev.scopegate.transport.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * CORS for browser dApps. Written here rather than with vertx-web's CorsHandler because that one
 * fails requests from unlisted origins with 403, while Scopegate serves them and only withholds
 * the CORS headers (the browser then keeps the answer from the page).
 */
final class Cors implements Handler<RoutingContext> {
  private static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-API-Key";
  private final Set<String> origins;

  Cors(Set<String> origins) {
    this.origins = Set.copyOf(origins);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String origin = ctx.request().getHeader("Origin");
    boolean allowed = origin != null && (origins.contains(origin) || origins.contains("*"));
    boolean preflight =
        ctx.request().method() == HttpMethod.OPTIONS
            && ctx.request().getHeader("Access-Control-Request-Method") != null;
    if (allowed) {
      ctx.response()
          .putHeader("Access-Control-Allow-Origin", origin)
          .putHeader("Vary", "Origin");
    }
    if (!preflight) {
      ctx.next();
    } else if (allowed) {
      ctx.response()
          .putHeader("Access-Control-Allow-Methods", "POST, OPTIONS")
          .putHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS)
          .putHeader("Access-Control-Max-Age", "600")
          .setStatusCode(204)
          .end();
    } else {
      ctx.response().setStatusCode(403).end();
    }
  }
}
