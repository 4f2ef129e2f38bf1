package dev.scopegate.devnode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sealed block with its transactions and their (public) receipts, index for index, and what
 * only this node knows of each transaction ({@link LocalResult}: private receipts, traces), which
 * is not part of the block's hash. Fields that are constant on the dev node (difficulty, nonce,
 * mixHash, uncles) are not stored; the wire format supplies them. {@code extraData} tells apart
 * blocks that a reorganisation put at the same height.
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
    String extraData,
    List<Transaction> transactions,
    List<Receipt> receipts,
    Map<String, List<LocalResult>> locals) {

  /** go-ethereum's root of an empty trie, used when a block has no transactions. */
  static final Hash EMPTY_ROOT =
      Hash.of("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");

  public Block {
    transactions = List.copyOf(transactions);
    receipts = List.copyOf(receipts);
    locals = Map.copyOf(locals);
    for (List<LocalResult> local : locals.values()) {
      if (transactions.size() != receipts.size() || transactions.size() != local.size()) {
        throw new IllegalArgumentException("one receipt and one local result per transaction");
      }
    }
  }

  /**
   * What the node knows privately of each transaction, in the private state the current request
   * is served from ({@link Psi}); a node with one private state has one view whatever the PSI.
   */
  public List<LocalResult> local() {
    if (locals.size() == 1) {
      return locals.values().iterator().next();
    }
    List<LocalResult> local = locals.get(Psi.current());
    if (local == null) {
      throw PrivateStates.unknown(Psi.current());
    }
    return local;
  }

  static Block seal(
      Hash parentHash,
      long number,
      long timestamp,
      Address miner,
      long gasLimit,
      Hash stateRoot,
      String extraData,
      List<Transaction> transactions,
      List<Receipt> receipts,
      Map<String, List<LocalResult>> local) {
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
    if (!extraData.equals("0x")) {
      header.add(Hex.decodeData(extraData, null));
    }
    long size = header.size() + txs.size();
    return new Block(
        number, header.hash(), parentHash, timestamp, miner, gasLimit, gasUsed, stateRoot,
        txRoot, receiptsRoot, size, extraData, transactions, receipts, local);
  }

  /** The union of the public receipts' blooms; private logs stay out of the header. */
  byte[] logsBloom() {
    byte[] bloom = new byte[Bloom.BYTES];
    receipts.forEach(receipt -> Bloom.or(bloom, receipt.bloom()));
    return bloom;
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
