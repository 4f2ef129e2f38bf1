package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Reads of account state, at any block of the chain. As GoQuorum's {@code EthAPIState}, an
 * address in the node's private state reads from there.
 */
final class StateMethods {
  private StateMethods() {}

  static void register(MethodTable table, Chain chain) {
    table
        .add("eth_blockNumber", 0, p -> TextNode.valueOf(Hex.quantity(chain.head().number())))
        .add("eth_getBalance", 2, p -> TextNode.valueOf(Hex.quantity(account(chain, p).balance())))
        .add("eth_getTransactionCount", 2,
            p -> TextNode.valueOf(Hex.quantity(account(chain, p).nonce())))
        .add("eth_getCode", 2, p -> TextNode.valueOf(account(chain, p).code()));
  }

  /** The account of param 0 at the block of param 1. */
  private static AccountState account(Chain chain, Params params) {
    Address address = params.address(0);
    Block block = params.get(1, BlockRef::numberOrHash).stateBlock(chain);
    return chain.visibleAccount(address, block.number());
  }
}
