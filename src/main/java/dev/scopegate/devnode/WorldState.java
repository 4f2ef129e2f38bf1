package dev.scopegate.devnode;

import java.util.Map;
import java.util.TreeMap;

/**
 * All accounts of one state (the public one, or the node's private one), with history. Not
 * thread-safe: the {@link Chain} guards it.
 */
final class WorldState {
  private final Map<Address, History<AccountState>> accounts = new TreeMap<>();

  AccountState at(Address address, long block) {
    History<AccountState> history = accounts.get(address);
    return history == null ? AccountState.EMPTY : history.at(block, AccountState.EMPTY);
  }

  void record(long block, Address address, AccountState state) {
    accounts.computeIfAbsent(address, a -> new History<>()).record(block, state);
  }

  /** Forgets everything after {@code block}: the chain was reorganised above it. */
  void truncateAfter(long block) {
    accounts.values().forEach(history -> history.truncateAfter(block));
    accounts.values().removeIf(History::isEmpty);
  }

  /** A digest of every non-empty account at {@code block}, in address order. */
  Hash root(long block) {
    Canonical encoding = new Canonical();
    accounts.forEach(
        (address, history) -> {
          AccountState state = history.at(block, AccountState.EMPTY);
          if (!state.isEmpty()) {
            encoding
                .add(address)
                .add(state.balance())
                .add(state.nonce())
                .add(Keccak.hash256(Hex.decodeData(state.code(), null)));
            if (!state.storage().isEmpty()) {
              encoding.add(Storage.root(state)); // written slots; accounts without keep their old root
            }
          }
        });
    return encoding.hash();
  }
}
