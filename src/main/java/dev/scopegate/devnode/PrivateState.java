package dev.scopegate.devnode;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The node's single private state: the accounts of private contracts and what it knows of their
 * privacy, with history so that old blocks can be read and reorganisations undone. Not thread-safe:
 * the {@link Chain} guards it.
 */
final class PrivateState {
  private final WorldState accounts = new WorldState();
  private final Map<Address, History<Optional<NodeContractPrivacy>>> privacy = new HashMap<>();
  private final Map<Address, History<Optional<ExtenderContract.State>>> extenders = new HashMap<>();

  AccountState account(Address address, long block) {
    return accounts.at(address, block);
  }

  boolean exists(Address address, long block) {
    return !account(address, block).isEmpty();
  }

  Optional<NodeContractPrivacy> privacy(Address address, long block) {
    History<Optional<NodeContractPrivacy>> history = privacy.get(address);
    return history == null ? Optional.empty() : history.at(block, Optional.empty());
  }

  /** The storage of the extension management contract at {@code address}, if it is one. */
  Optional<ExtenderContract.State> extender(Address address, long block) {
    History<Optional<ExtenderContract.State>> history = extenders.get(address);
    return history == null ? Optional.empty() : history.at(block, Optional.empty());
  }

  boolean extensionInProgress(Address contract, long block) {
    return extenders.keySet().stream()
        .map(address -> extender(address, block))
        .flatMap(Optional::stream)
        .anyMatch(state -> state.contractToExtend().equals(contract) && !state.isFinished());
  }

  void truncateAfter(long block) {
    accounts.truncateAfter(block);
    privacy.values().forEach(history -> history.truncateAfter(block));
    privacy.values().removeIf(History::isEmpty);
    extenders.values().forEach(history -> history.truncateAfter(block));
    extenders.values().removeIf(History::isEmpty);
  }

  Pending pending(long parent) {
    return new Pending(parent);
  }

  /** The private changes of the block being mined. */
  final class Pending {
    private final long parent;
    private final PendingState accounts;
    private final Map<Address, NodeContractPrivacy> changes = new LinkedHashMap<>();
    private final Map<Address, ExtenderContract.State> extenderChanges = new LinkedHashMap<>();

    private Pending(long parent) {
      this.parent = parent;
      this.accounts = new PendingState(PrivateState.this.accounts, parent);
    }

    AccountStore accounts() {
      return accounts;
    }

    Optional<NodeContractPrivacy> privacy(Address address) {
      NodeContractPrivacy changed = changes.get(address);
      return changed != null ? Optional.of(changed) : PrivateState.this.privacy(address, parent);
    }

    void setPrivacy(Address address, NodeContractPrivacy value) {
      changes.put(address, value);
    }

    Optional<ExtenderContract.State> extender(Address address) {
      ExtenderContract.State changed = extenderChanges.get(address);
      return changed != null ? Optional.of(changed) : PrivateState.this.extender(address, parent);
    }

    void setExtender(Address address, ExtenderContract.State value) {
      extenderChanges.put(address, value);
    }

    void commit(long block) {
      accounts.commit(block);
      changes.forEach(
          (address, value) ->
              privacy
                  .computeIfAbsent(address, a -> new History<>())
                  .record(block, Optional.of(value)));
      extenderChanges.forEach(
          (address, value) ->
              extenders
                  .computeIfAbsent(address, a -> new History<>())
                  .record(block, Optional.of(value)));
    }
  }
}
