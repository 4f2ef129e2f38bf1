package dev.scopegate.devnode;

import java.util.Arrays;
import java.util.Optional;

/** The {@code eth} subscriptions of GoQuorum 21.x, by the name {@code eth_subscribe} takes. */
enum SubscriptionKind {
  NEW_HEADS("newHeads", 1),
  /** The only one with an argument, and it is required: the {@code FilterCriteria}. */
  LOGS("logs", 2),
  NEW_PENDING_TRANSACTIONS("newPendingTransactions", 1),
  /** geth notifies sync starts and ends only; an instamining node never syncs. */
  SYNCING("syncing", 1);

  private final String wireName;
  private final int maxArgs;

  SubscriptionKind(String wireName, int maxArgs) {
    this.wireName = wireName;
    this.maxArgs = maxArgs;
  }

  /** The arguments of eth_subscribe, the name included. */
  int maxArgs() {
    return maxArgs;
  }

  static Optional<SubscriptionKind> named(String name) {
    return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst();
  }
}
