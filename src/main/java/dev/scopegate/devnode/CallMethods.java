package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Arrays;

/**
 * {@code eth_call} and {@code eth_estimateGas}, run without mining against the state of the block
 * asked for, private state included (see {@link Simulation}). As GoQuorum 21.1: the sender defaults
 * to the node's first account, the gas of a call to 2^63 - 1; an estimate is the gas the call
 * needs, raised, when it sends no ether, to what it would need were its data a private payload hash
 * (64 bytes of 0x11), since GoQuorum cannot tell whether it will be sent privately.
 */
final class CallMethods {
  /** GoQuorum's stand-in for a private payload hash when estimating. */
  private static final byte[] PRIVATE_DATA = filled(64, (byte) 0x11);

  private CallMethods() {}

  static void register(MethodTable table, Chain chain) {
    table
        .add("eth_call", 3, p -> TextNode.valueOf(call(chain, p)))
        .add("eth_estimateGas", 2, p -> TextNode.valueOf(Hex.quantity(estimate(chain, p))));
  }

  /** Param 2: the state overrides of GoQuorum's {@code PublicBlockChainAPI.Call}, applied. */
  private static String call(Chain chain, NodeParams params) {
    CallArgs args = params.get(0, CallArgs::decode);
    Block block = params.get(1, BlockRef::numberOrHash).stateBlock(chain);
    StateOverrides overrides =
        params.optional(2, StateOverrides::decode).orElse(StateOverrides.NONE);
    Address from = args.from().orElse(chain.accounts().get(0));
    long gas = args.gas().orElse(Long.MAX_VALUE);
    return chain.simulate(args, from, gas, block.number(), overrides).output();
  }

  private static long estimate(Chain chain, NodeParams params) {
    CallArgs args = params.get(0, CallArgs::decode);
    Block block =
        params
            .optional(1, BlockRef::numberOrHash)
            .orElse(new BlockRef.Tag("pending"))
            .stateBlock(chain);
    long cap =
        args.gas().stream().filter(gas -> gas >= 21_000).findFirst().orElse(block.gasLimit());
    long needed = args.intrinsicGas();
    if (needed > cap) {
      throw NodeError.GAS_ALLOWANCE.exception(Long.toString(cap));
    }
    chain.simulate(
        args, args.from().orElse(chain.accounts().get(0)), cap, block.number(), StateOverrides.NONE);
    if (args.value().signum() == 0) {
      long asPrivate = TransactionExecutor.intrinsicGas(PRIVATE_DATA, args.to().isEmpty());
      return Math.max(needed, asPrivate);
    }
    return needed;
  }

  private static byte[] filled(int length, byte value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, value);
    return bytes;
  }
}
