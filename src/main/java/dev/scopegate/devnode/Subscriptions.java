package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every live subscription of the node, fed from the chain. For each new block: the hashes of its
 * transactions (instamining submits and mines in one step, so they are announced just before their
 * block), then its header, then its logs; for each block a reorganisation drops: its logs again,
 * {@code removed}.
 */
final class Subscriptions {
  private final Set<NodeSubscription> live = ConcurrentHashMap.newKeySet();
  private final RequestCounter requested = new RequestCounter();

  private Subscriptions() {}

  /** The subscriptions of a node over {@code chain}, notified of its every change. */
  static Subscriptions following(Chain chain) {
    Subscriptions subscriptions = new Subscriptions();
    chain.onBlock(subscriptions::appended);
    chain.onDropped(block -> subscriptions.logs(block, true));
    return subscriptions;
  }

  void add(NodeSubscription subscription) {
    live.add(subscription);
  }

  void remove(NodeSubscription subscription) {
    live.remove(subscription);
  }

  /** eth_subscribe calls received over WebSocket, by the kind they name. */
  RequestCounter requested() {
    return requested;
  }

  private void appended(Block block) {
    List<NodeSubscription> pending = of(SubscriptionKind.NEW_PENDING_TRANSACTIONS);
    for (Transaction tx : block.transactions()) {
      TextNode hash = TextNode.valueOf(tx.hash().hex());
      pending.forEach(s -> s.notify(hash));
    }
    List<NodeSubscription> heads = of(SubscriptionKind.NEW_HEADS);
    if (!heads.isEmpty()) {
      ObjectNode header = Notifications.header(block);
      heads.forEach(s -> s.notify(header));
    }
    logs(block, false);
  }

  private void logs(Block block, boolean removed) {
    List<NodeSubscription> subscribers = of(SubscriptionKind.LOGS);
    if (subscribers.isEmpty()) {
      return;
    }
    // each PSI's logs come from its own private state (GoQuorum MPS: a connection's filters
    // system runs against the PSI of its upgrade request)
    java.util.Map<String, List<NodeSubscription>> byPsi = new java.util.LinkedHashMap<>();
    subscribers.forEach(s -> byPsi.computeIfAbsent(s.session().psi(), p -> new java.util.ArrayList<>()).add(s));
    byPsi.forEach((psi, inPsi) -> {
      List<Notifications.BlockLog> logs;
      try {
        logs = Psi.serving(psi, () -> Notifications.logs(block, removed));
      } catch (NodeException unknownPsi) {
        return;
      }
      for (Notifications.BlockLog log : logs) {
        inPsi.stream()
            .filter(s -> s.criteria().matches(log.log()))
            .forEach(s -> s.notify(log.json()));
      }
    });
  }

  private List<NodeSubscription> of(SubscriptionKind kind) {
    return live.stream().filter(s -> s.kind() == kind).toList();
  }
}
