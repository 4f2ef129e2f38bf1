package dev.scopegate.devnode;

import java.math.BigInteger;
import java.util.List;

/**
 * Block 0. The accounts are those of GoQuorum's 7nodes example (node1 to node5), so they look
 * familiar in a demo; each holds the example's allocation of 10^27 wei. The first three are
 * node-managed (unlocked); the other two are funded but held elsewhere.
 */
final class Genesis {
  static final List<Address> NODE_ACCOUNTS =
      List.of(
          Address.of("0xed9d02e382b34818e88b88a309c7fe71e65f419d"),
          Address.of("0xca843569e3427144cead5e4d5999a3d0ccf92b8e"),
          Address.of("0x0fbdc686b912d7722dc86510934589e0aaf3b55a"));
  static final List<Address> OTHER_ACCOUNTS =
      List.of(
          Address.of("0x9186eb3d20cbd1f5f992a950d808c4495153abd5"),
          Address.of("0x0638e1574728b6d862dd5d3a3e0942c3be47d996"));
  static final BigInteger BALANCE = BigInteger.TEN.pow(27);
  /** The block gas limit of the 7nodes genesis. */
  static final long GAS_LIMIT = 0xE0000000L;

  private Genesis() {}

  static Block create(WorldState state) {
    NODE_ACCOUNTS.forEach(a -> state.record(0, a, AccountState.EMPTY.credit(BALANCE)));
    OTHER_ACCOUNTS.forEach(a -> state.record(0, a, AccountState.EMPTY.credit(BALANCE)));
    return Block.seal(
        Hash.ZERO, 0, 0, Address.ZERO, GAS_LIMIT, state.root(0), "0x", List.of(), List.of(),
        java.util.Map.of(Psi.DEFAULT, List.of()));
  }
}
