package dev.scopegate.devnode;

/** A transaction where the chain holds it: its block and its index in that block. */
public record MinedTransaction(Block block, int index) {
  public Transaction transaction() {
    return block.transactions().get(index);
  }

  public Receipt receipt() {
    return block.receipts().get(index);
  }
}
