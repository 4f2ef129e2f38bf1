package dev.scopegate.devnode;

/** Accounts being changed by the block in the making: what contract behaviours read and write. */
interface AccountStore {
  AccountState get(Address address);

  void put(Address address, AccountState state);

  /** Whether the account holds code: only contracts have behaviours. */
  default boolean isContract(Address address) {
    return !get(address).code().equals("0x");
  }
}
