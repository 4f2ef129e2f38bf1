package dev.scopegate.devnode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A call run without mining ({@code eth_call}, {@code debug_traceCall}): its effect and every
 * account it touched as it was before. As GoQuorum's {@code GetEVM} sets it up, a call to an
 * address in the private state runs with the private state (and reaches public accounts through
 * it); a call to any other address sees the public state only. Balances are not checked: GoQuorum
 * gives an {@code eth_call} sender all the ether it needs.
 */
record Simulation(Behaviours.Effect effect, Map<Address, AccountState> prestate) {

  static Simulation run(
      CallArgs call,
      Address from,
      long gas,
      Function<Address, AccountState> publicState,
      Function<Address, AccountState> privateState) {
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
