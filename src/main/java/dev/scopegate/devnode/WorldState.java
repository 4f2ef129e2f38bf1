package dev.scopegate.devnode;

import java.util.Map;
import java.util.TreeMap;

/** All accounts, with history. Not thread-safe: the {@link Chain} guards it. */
final class WorldState {
  private final Map<Address, AccountHistory> accounts = new TreeMap<>();

  AccountState at(Address address, long block) {
    AccountHistory history = accounts.get(address);
    return history == null ? AccountState.EMPTY : history.at(block);
  }

  void record(long block, Address address, AccountState state) {
    accounts.computeIfAbsent(address, a -> new AccountHistory()).record(block, state);
  }

  /** A digest of every non-empty account at {@code block}, in address order. */
  Hash root(long block) {
    Canonical encoding = new Canonical();
    accounts.forEach(
        (address, history) -> {
          AccountState state = history.at(block);
          if (!state.isEmpty()) {
            encoding
                .add(address)
                .add(state.balance())
                .add(state.nonce())
                .add(Keccak.hash256(Hex.decodeData(state.code(), null)));
          }
        });
    return encoding.hash();
  }
}
