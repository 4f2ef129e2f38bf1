package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.Json;
import io.vertx.core.Context;
import io.vertx.core.http.ServerWebSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * One WebSocket connection's subscriptions. Its ids mean nothing on another connection. Everything
 * runs on the connection's context: calls arrive there, and notifications are queued to it, so a
 * notification never overtakes the answer that announced its subscription, and none follows the
 * answer to eth_unsubscribe.
 */
final class WsSession {
  private final ServerWebSocket socket;
  private final Context context;
  private final Subscriptions hub;
  private final Map<String, NodeSubscription> subscriptions = new HashMap<>();
  private final String psi;

  WsSession(ServerWebSocket socket, Context context, Subscriptions hub, String psi) {
    this.psi = psi;
    this.socket = socket;
    this.context = context;
    this.hub = hub;
  }

  /** The PSI the connection was opened for (its upgrade request's). */
  String psi() {
    return psi;
  }

  String subscribe(SubscriptionKind kind, LogsCriteria criteria) {
    NodeSubscription subscription = new NodeSubscription(SubscriptionIds.next(), kind, criteria, this);
    subscriptions.put(subscription.id(), subscription);
    hub.add(subscription);
    return subscription.id();
  }

  boolean unsubscribe(String id) {
    NodeSubscription subscription = subscriptions.remove(id);
    if (subscription == null) {
      return false;
    }
    hub.remove(subscription);
    return true;
  }

  /** The connection is gone: its subscriptions end with it. */
  void close() {
    subscriptions.values().forEach(hub::remove);
    subscriptions.clear();
  }

  /** From any thread. */
  void deliver(NodeSubscription subscription, JsonNode result) {
    context.runOnContext(
        v -> {
          if (subscriptions.get(subscription.id()) == subscription) {
            send(Notifications.message(subscription.id(), result));
          }
        });
  }

  /** As geth's encoder writes it: one JSON value and a newline per message. */
  void send(JsonNode message) {
    socket.writeTextMessage(Json.string(message) + "\n");
  }
}
