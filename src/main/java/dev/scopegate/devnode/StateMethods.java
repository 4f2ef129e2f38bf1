package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Reads of account state, at any block of the chain. As GoQuorum's {@code EthAPIState}, an
 * address in the node's private state reads from there. Storage is {@link Storage}'s, {@code
 * eth_getProof} {@link ProofMethods}'.
 */
final class StateMethods {
  private StateMethods() {}

  static void register(MethodTable table, Chain chain) {
    table
        .add("eth_blockNumber", 0, p -> TextNode.valueOf(Hex.quantity(chain.head().number())))
        .add("eth_getBalance", 2, p -> TextNode.valueOf(Hex.quantity(account(chain, p).balance())))
        .add("eth_getTransactionCount", 2,
            p -> TextNode.valueOf(Hex.quantity(account(chain, p).nonce())))
        .add("eth_getCode", 2, p -> TextNode.valueOf(account(chain, p).code()))
        .add("eth_getStorageAt", 3, p -> TextNode.valueOf(storageAt(chain, p).hex()))
        .add("eth_storageRoot", 2, p -> TextNode.valueOf(storageRoot(chain, p).hex()));
  }

  /** The slot (param 1, any text: GoQuorum 21.1 reads it leniently) at the block of param 2. */
  private static Hash storageAt(Chain chain, NodeParams params) {
    Address address = params.address(0);
    Hash slot = params.get(1, node -> Hex.lenientHash(NodeParams.text(node, "string")));
    Block block = params.get(2, BlockRef::numberOrHash).stateBlock(chain);
    return Storage.value(chain.visibleAccount(address, block.number()), slot);
  }

  /** GoQuorum's storage root of an account, private first; the block (a number) is optional. */
  private static Hash storageRoot(Chain chain, NodeParams params) {
    Address address = params.address(0);
    Block block =
        params.optional(1, BlockRef::number).orElse(new BlockRef.Tag("latest")).stateBlock(chain);
    return Storage.root(chain.visibleAccount(address, block.number()));
  }

  /** The account of param 0 at the block of param 1. */
  private static AccountState account(Chain chain, NodeParams params) {
    Address address = params.address(0);
    Block block = params.get(1, BlockRef::numberOrHash).stateBlock(chain);
    return chain.visibleAccount(address, block.number());
  }
}
