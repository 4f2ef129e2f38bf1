package dev.scopegate.devnode;

/**
 * Told of every block the chain gains and, when a reorganisation drops blocks, of each dropped one
 * (newest first). Called under the chain's lock: take no other lock that waits on the chain.
 */
interface ChainListener {
  void added(Block block);

  void removed(Block block);
}
