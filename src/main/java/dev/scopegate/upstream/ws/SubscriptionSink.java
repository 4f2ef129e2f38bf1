package dev.scopegate.upstream.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.RpcException;

/**
 * Where one client's subscription delivers. Called on the upstream's context: implementations
 * must not block, and bound their own queue (a slow client is the transport's concern).
 */
public interface SubscriptionSink {
  /** The {@code result} of one {@code eth_subscription} notification, in the node's order. */
  void notification(JsonNode result);

  /**
   * The same notification with its encoding shared by every sink of the subscription: a sink that
   * writes JSON text takes {@link Notification#json} rather than writing the tree again.
   */
  default void notification(Notification shared) {
    notification(shared.result());
  }

  /** The subscription could not be (re-)established; nothing follows. */
  void ended(RpcException why);

  /**
   * The subscription is established again after the upstream socket was lost (logs missed
   * meanwhile already backfilled); other notifications the node sent in the gap are gone.
   */
  default void resumed() {}
}
