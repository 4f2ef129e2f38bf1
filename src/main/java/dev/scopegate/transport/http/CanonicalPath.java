package dev.scopegate.transport.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves only paths written as the router matches them: {@code //}, {@code /./} or
 * {@code /%2e/} would otherwise be normalised to {@code /} and served, so a path rule in a
 * proxy in front and Scopegate's routing could disagree about the same request. 404 instead.
 */
final class CanonicalPath implements Handler<RoutingContext> {
  @Override
  public void handle(RoutingContext ctx) {
    if (!ctx.request().path().equals(ctx.normalizedPath())) {
      ctx.response().setStatusCode(404).end();
      return;
    }
    ctx.next();
  }
}
