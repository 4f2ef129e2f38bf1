package dev.scopegate.devnode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dev node's chain: blocks, the transaction index and the world state with history. Every
 * method holds the chain's lock, so tests may read and mine from any thread while the node
 * serves requests; blocks and transactions are immutable once sealed.
 */
public final class Chain {
  private final long chainId;
  private final Clock clock;
  private final WorldState state = new WorldState();
  private final List<Block> blocks = new ArrayList<>();
  private final Map<Hash, Block> blocksByHash = new HashMap<>();
  private final Map<Hash, MinedTransaction> transactions = new HashMap<>();
  private final TransactionExecutor executor;

  public Chain(long chainId, Clock clock) {
    this.chainId = chainId;
    this.clock = clock;
    this.executor = new TransactionExecutor(chainId, Genesis.NODE_ACCOUNTS);
    append(Genesis.create(state));
  }

  public long chainId() {
    return chainId;
  }

  /** The node-managed (unlocked) accounts, in a fixed order. */
  public List<Address> accounts() {
    return Genesis.NODE_ACCOUNTS;
  }

  /** The account that mines every block after genesis. */
  public Address coinbase() {
    return Genesis.NODE_ACCOUNTS.get(0);
  }

  public synchronized Block head() {
    return blocks.get(blocks.size() - 1);
  }

  public synchronized Optional<Block> block(long number) {
    return number >= 0 && number < blocks.size()
        ? Optional.of(blocks.get((int) number))
        : Optional.empty();
  }

  public synchronized Optional<Block> block(Hash hash) {
    return Optional.ofNullable(blocksByHash.get(hash));
  }

  public synchronized Optional<MinedTransaction> transaction(Hash hash) {
    return Optional.ofNullable(transactions.get(hash));
  }

  /** The account as it was at the end of {@code blockNumber} (the head's state beyond it). */
  public synchronized AccountState account(Address address, long blockNumber) {
    return state.at(address, blockNumber);
  }

  /**
   * Mines one block holding {@code requests}, in order. All or nothing: when one request is
   * rejected the chain is unchanged and its {@link NodeException} is thrown.
   */
  public synchronized Block mineBlock(List<TransactionRequest> requests) {
    Block parent = head();
    long number = parent.number() + 1;
    PendingState pending = new PendingState(state, parent.number());
    List<Transaction> txs = new ArrayList<>();
    List<Receipt> receipts = new ArrayList<>();
    long gasUsed = 0;
    for (TransactionRequest request : requests) {
      TransactionExecutor.Outcome outcome = executor.execute(request, pending, gasUsed);
      txs.add(outcome.transaction());
      receipts.add(outcome.receipt());
      gasUsed = outcome.receipt().cumulativeGasUsed();
    }
    pending.commit(number);
    long timestamp = Math.max(parent.timestamp(), clock.instant().getEpochSecond());
    Block block =
        Block.seal(
            parent.hash(), number, timestamp, coinbase(), Genesis.GAS_LIMIT, state.root(number),
            txs, receipts);
    append(block);
    return block;
  }

  /** Instamine: one transaction, one new block. */
  public MinedTransaction mineTransaction(TransactionRequest request) {
    return new MinedTransaction(mineBlock(List.of(request)), 0);
  }

  private void append(Block block) {
    blocks.add(block);
    blocksByHash.put(block.hash(), block);
    for (int i = 0; i < block.transactions().size(); i++) {
      transactions.put(block.transactions().get(i).hash(), new MinedTransaction(block, i));
    }
  }
}
