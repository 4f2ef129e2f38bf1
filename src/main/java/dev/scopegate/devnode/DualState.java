package dev.scopegate.devnode;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The state a call runs on, as GoQuorum's EVM sees it: an account in the private state reads from
 * there, any other from the public state. Changes stay in this object, so the states it reads are
 * never written and {@link #original} still tells what an account was before the call.
 */
final class DualState implements AccountStore {
  private final Function<Address, AccountState> publicState;
  private final Function<Address, AccountState> privateState;
  private final Map<Address, AccountState> changes = new HashMap<>();

  DualState(
      Function<Address, AccountState> publicState, Function<Address, AccountState> privateState) {
    this.publicState = publicState;
    this.privateState = privateState;
  }

  @Override
  public AccountState get(Address address) {
    AccountState changed = changes.get(address);
    return changed != null ? changed : original(address);
  }

  @Override
  public void put(Address address, AccountState state) {
    changes.put(address, state);
  }

  AccountState original(Address address) {
    AccountState inPrivate = privateState.apply(address);
    return inPrivate.isEmpty() ? publicState.apply(address) : inPrivate;
  }
}
