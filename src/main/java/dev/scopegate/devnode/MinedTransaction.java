package dev.scopegate.devnode;

/** A transaction where the chain holds it: its block and its index in that block. */
public record MinedTransaction(Block block, int index) {
  public Transaction transaction() {
    return block.transactions().get(index);
  }

  /** The public receipt, as every node has it. */
  public Receipt receipt() {
    return block.receipts().get(index);
  }

  /** What only this node knows: private receipt, trace, a marker's internal transaction. */
  public LocalResult local() {
    return block.local().get(index);
  }
}
