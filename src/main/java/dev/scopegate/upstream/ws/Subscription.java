package dev.scopegate.upstream.ws;

import io.vertx.core.Future;

/** One sink's share of an upstream subscription. */
public interface Subscription {
  /** Stops deliveries to this sink; the last sink to cancel unsubscribes upstream. Idempotent. */
  Future<Void> cancel();
}
