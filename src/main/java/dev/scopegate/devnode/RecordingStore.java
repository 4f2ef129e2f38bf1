package dev.scopegate.devnode;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * An account store that remembers what each account was when a run first read or wrote it, so that
 * a mined transaction can answer {@code prestateTracer} later, as a call's {@link Simulation} does.
 */
final class RecordingStore implements AccountStore {
  private final AccountStore delegate;
  private final Map<Address, AccountState> first = new HashMap<>();

  RecordingStore(AccountStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public AccountState get(Address address) {
    AccountState state = delegate.get(address);
    first.putIfAbsent(address, state);
    return state;
  }

  @Override
  public void put(Address address, AccountState state) {
    first.putIfAbsent(address, delegate.get(address));
    delegate.put(address, state);
  }

  /** The prestate of what {@code effect} touched, as this store first saw each account. */
  Prestate.Snapshot snapshot(Behaviours.Effect effect) {
    Map<Address, AccountState> accounts = new java.util.LinkedHashMap<>();
    for (Address address : effect.touched()) {
      accounts.put(address, first.containsKey(address) ? first.get(address) : delegate.get(address));
    }
    return new Prestate.Snapshot(accounts, effect.storageRead());
  }

  static Prestate.Snapshot none() {
    return new Prestate.Snapshot(Map.of(), Map.<Address, Set<Hash>>of());
  }
}
