package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;

/** One live subscription: its id, what it follows, and the connection it notifies. */
record NodeSubscription(String id, SubscriptionKind kind, LogsCriteria criteria, WsSession session) {
  void notify(JsonNode result) {
    session.deliver(this, result);
  }
}
