package dev.scopegate.devnode;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A call run without mining ({@code eth_call}, {@code debug_traceCall}): its effect and every
 * account it touched as it was before. As GoQuorum's {@code GetEVM} sets it up, a call to an
 * address in the private state runs with the private state (and reaches public accounts through
 * it); a call to any other address sees the public state only. Balances are not checked: GoQuorum
 * gives an {@code eth_call} sender all the ether it needs. State overrides are applied first, each
 * to the state its address is in ({@link StateOverrides}); the prestate shows accounts as
 * overridden, as geth's tracer reads them from the overridden state.
 */
record Simulation(Behaviours.Effect effect, Map<Address, AccountState> prestate) {

  static Simulation run(
      CallArgs call,
      Address from,
      long gas,
      StateOverrides overrides,
      Function<Address, AccountState> publicBase,
      Function<Address, AccountState> privateBase) {
    Map<Address, AccountState> publicOverrides = new HashMap<>();
    Map<Address, AccountState> privateOverrides = new HashMap<>();
    overrides
        .accounts()
        .forEach(
            (address, override) -> {
              AccountState inPrivate = privateBase.apply(address);
              if (inPrivate.isEmpty()) {
                publicOverrides.put(address, override.apply(publicBase.apply(address)));
              } else {
                privateOverrides.put(address, override.apply(inPrivate));
              }
            });
    Function<Address, AccountState> publicState =
        address -> publicOverrides.getOrDefault(address, publicBase.apply(address));
    Function<Address, AccountState> privateState =
        address -> privateOverrides.getOrDefault(address, privateBase.apply(address));
    boolean privateTo = call.to().map(to -> !privateState.apply(to).isEmpty()).orElse(false);
    DualState state =
        new DualState(publicState, privateTo ? privateState : address -> AccountState.EMPTY);
    long intrinsic = call.intrinsicGas();
    if (gas < intrinsic) {
      throw NodeError.INTRINSIC_GAS_TOO_LOW.exception();
    }
    Behaviours.Effect effect =
        call.to().isPresent()
            ? Behaviours.call(
                state, from, call.to().get(), call.data(), call.value(), gas, intrinsic)
            : Behaviours.create(
                state,
                from,
                ContractAddress.of(from, state.get(from).nonce()),
                call.data(),
                call.value(),
                gas,
                intrinsic);
    Map<Address, AccountState> prestate = new LinkedHashMap<>();
    effect.touched().forEach(address -> prestate.put(address, state.original(address)));
    return new Simulation(effect, prestate);
  }

  /** What the call returned. */
  String output() {
    return effect.frame().output();
  }
}
