package dev.scopegate.devnode;

import java.util.List;
import java.util.Optional;

/**
 * A sealed block with its transactions and their receipts (index for index). Fields that are
 * constant on the dev node (difficulty, nonce, mixHash, uncles, logsBloom) are not stored; the
 * wire format supplies them.
 */
public record Block(
    long number,
    Hash hash,
    Hash parentHash,
    long timestamp,
    Address miner,
    long gasLimit,
    long gasUsed,
    Hash stateRoot,
    Hash transactionsRoot,
    Hash receiptsRoot,
    long size,
    List<Transaction> transactions,
    List<Receipt> receipts) {

  /** go-ethereum's root of an empty trie, used when a block has no transactions. */
  static final Hash EMPTY_ROOT =
      Hash.of("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");

  public Block {
    transactions = List.copyOf(transactions);
    receipts = List.copyOf(receipts);
    if (transactions.size() != receipts.size()) {
      throw new IllegalArgumentException("one receipt per transaction");
    }
  }

  static Block seal(
      Hash parentHash,
      long number,
      long timestamp,
      Address miner,
      long gasLimit,
      Hash stateRoot,
      List<Transaction> transactions,
      List<Receipt> receipts) {
    long gasUsed = receipts.isEmpty() ? 0 : receipts.get(receipts.size() - 1).cumulativeGasUsed();
    Canonical txs = new Canonical();
    transactions.forEach(tx -> txs.add(tx.hash()));
    Canonical rcpts = new Canonical();
    receipts.forEach(receipt -> rcpts.add(receipt.encode().bytes()));
    Hash txRoot = transactions.isEmpty() ? EMPTY_ROOT : txs.hash();
    Hash receiptsRoot = receipts.isEmpty() ? EMPTY_ROOT : rcpts.hash();
    Canonical header =
        new Canonical()
            .add(parentHash).add(number).add(timestamp).add(miner).add(gasLimit).add(gasUsed)
            .add(stateRoot).add(txRoot).add(receiptsRoot);
    long size = header.size() + txs.size();
    return new Block(
        number, header.hash(), parentHash, timestamp, miner, gasLimit, gasUsed, stateRoot,
        txRoot, receiptsRoot, size, transactions, receipts);
  }

  /** The position of a transaction in this block. */
  public Optional<Integer> indexOf(Hash transactionHash) {
    for (int i = 0; i < transactions.size(); i++) {
      if (transactions.get(i).hash().equals(transactionHash)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }
}
