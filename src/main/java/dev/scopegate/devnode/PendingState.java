package dev.scopegate.devnode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The changes of the block being mined, over the state at its parent. Nothing reaches the
 * world state until {@link #commit}, so a rejected transaction leaves no trace.
 */
final class PendingState implements AccountStore {
  private final WorldState base;
  private final long parent;
  private final Map<Address, AccountState> changes = new LinkedHashMap<>();

  PendingState(WorldState base, long parent) {
    this.base = base;
    this.parent = parent;
  }

  @Override
  public AccountState get(Address address) {
    AccountState changed = changes.get(address);
    return changed != null ? changed : base.at(address, parent);
  }

  @Override
  public void put(Address address, AccountState state) {
    changes.put(address, state);
  }

  boolean isEmpty() {
    return changes.isEmpty();
  }

  void commit(long block) {
    changes.forEach((address, state) -> base.record(block, address, state));
  }
}
