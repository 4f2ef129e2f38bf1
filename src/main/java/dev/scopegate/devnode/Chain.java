package dev.scopegate.devnode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The dev node's chain: blocks, the transaction index, the public world state and the node's
 * private state, both with history, and the node's Tessera. Every method holds the chain's lock, so
 * tests may read and mine from any thread while the node serves requests; blocks and transactions
 * are immutable once sealed. Besides mining, tests shape the chain through hooks: transactions
 * received from other nodes, contract extensions, reorganisations and bulk blocks.
 */
public final class Chain {
  private final long chainId;
  private final Clock clock;
  private final TesseraStore tessera;
  private final WorldState state = new WorldState();
  private final PrivateStates privateStates;
  private final List<Block> blocks = new ArrayList<>();
  private final Map<Hash, Block> blocksByHash = new HashMap<>();
  private final Map<Hash, MinedTransaction> transactions = new HashMap<>();
  private final List<ChainListener> listeners = new CopyOnWriteArrayList<>();
  private final TransactionExecutor executor;
  private final ChainEvents events = new ChainEvents();
  private volatile boolean tracePublicOnly;
  private volatile boolean traceIgnoresOverrides;
  private long forks;

  public Chain(long chainId, Clock clock) {
    this(chainId, clock, new TesseraStore(DevTessera.DEFAULT_KEYS), false);
  }

  public Chain(long chainId, Clock clock, TesseraStore tessera, boolean privacyMarkers) {
    this(chainId, clock, tessera, privacyMarkers, Map.of());
  }

  /** {@code residentGroups} (PSI → its Tessera keys) non-empty: multiple private states. */
  public Chain(long chainId, Clock clock, TesseraStore tessera, boolean privacyMarkers,
      Map<String, List<String>> residentGroups) {
    this.privateStates = new PrivateStates(residentGroups);
    this.chainId = chainId;
    this.clock = clock;
    this.tessera = tessera;
    this.executor =
        new TransactionExecutor(chainId, Genesis.NODE_ACCOUNTS, tessera, privacyMarkers);
    append(Genesis.create(state));
  }

  /** From now on, {@code listener} hears of every block added and dropped. */
  void listen(ChainListener listener) {
    listeners.add(listener);
  }

  public long chainId() {
    return chainId;
  }

  /** The node's private states (one, or one per resident group). */
  PrivateStates privateStates() {
    return privateStates;
  }

  /** The node-managed (unlocked) accounts, in a fixed order. */
  public List<Address> accounts() {
    return Genesis.NODE_ACCOUNTS;
  }

  /** The account that mines every block after genesis. */
  public Address coinbase() {
    return Genesis.NODE_ACCOUNTS.get(0);
  }

  /** The node's Tessera, where private payloads are kept. */
  public TesseraStore tessera() {
    return tessera;
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

  /** The public account as it was at the end of {@code blockNumber} (the head's beyond it). */
  public synchronized AccountState account(Address address, long blockNumber) {
    return state.at(address, blockNumber);
  }

  /** The account as GoQuorum's state reads see it: the private one when it exists. */
  public synchronized AccountState visibleAccount(Address address, long blockNumber) {
    AccountState inPrivate = privateStates.current().account(address, blockNumber);
    return inPrivate.isEmpty() ? state.at(address, blockNumber) : inPrivate;
  }

  /** Whether {@code address} is in the node's private state at {@code blockNumber}. */
  public synchronized boolean isPrivate(Address address, long blockNumber) {
    return privateStates.current().exists(address, blockNumber);
  }

  /**
   * Runs {@code call} from {@code from} with {@code gas} on the state at the end of {@code
   * blockNumber}, changing nothing ({@code eth_call}).
   */
  synchronized Simulation simulate(
      CallArgs call, Address from, long gas, long blockNumber, StateOverrides overrides) {
    return Simulation.run(
        call,
        from,
        gas,
        overrides,
        address -> state.at(address, blockNumber),
        address -> privateStates.current().account(address, blockNumber));
  }

  /**
   * {@code debug_traceCall}'s run of a call: like {@link #simulate}, or against the public state
   * only while {@link #traceCallsAgainstPublicStateOnly} is on.
   */
  synchronized Simulation simulateForTrace(
      CallArgs call, Address from, long gas, long blockNumber, StateOverrides overrides) {
    StateOverrides applied = traceIgnoresOverrides ? StateOverrides.NONE : overrides;
    if (!tracePublicOnly) {
      return simulate(call, from, gas, blockNumber, applied);
    }
    return Simulation.run(
        call,
        from,
        gas,
        applied,
        address -> state.at(address, blockNumber),
        address -> AccountState.EMPTY);
  }

  /**
   * Test hook: when on, {@code debug_traceCall} sees the public state only, as GoQuorum 21.7 to
   * 23.4 did (quorum#1674): a call to a private contract traces as a call to an empty account.
   */
  public void traceCallsAgainstPublicStateOnly(boolean on) {
    tracePublicOnly = on;
  }

  /**
   * Test hook: when on, {@code debug_traceCall} ignores its config's {@code stateOverrides}, as a
   * node built on geth before 1.10 does (its {@code TraceConfig} has no such field, and Go's decoder
   * drops unknown fields silently).
   */
  public void traceCallsIgnoreStateOverrides(boolean on) {
    traceIgnoresOverrides = on;
  }

  /** What the node keeps about a private contract: flag, creation hash and parties. */
  public synchronized Optional<NodeContractPrivacy> privacy(Address address, long blockNumber) {
    return privateStates.current().privacy(address, blockNumber);
  }

  /** Calls {@code listener} with every block appended from now on, after it is appended. */
  public void onBlock(Consumer<Block> listener) {
    events.onAppended(listener);
  }

  /**
   * Calls {@code listener} with every block a reorganisation drops, oldest first, before the blocks
   * that replace them reach {@link #onBlock} listeners.
   */
  public void onDropped(Consumer<Block> listener) {
    events.onDropped(listener);
  }

  /**
   * Mines one block holding {@code requests}, in order. All or nothing: when one request is
   * rejected the chain is unchanged and its {@link NodeException} is thrown (a payload already
   * handed to Tessera stays there, as with a real node).
   */
  public Block mineBlock(List<TransactionRequest> requests) {
    Block block = mine(requests);
    deliverEvents();
    return block;
  }

  private synchronized Block mine(List<TransactionRequest> requests) {
    Block parent = head();
    long number = parent.number() + 1;
    PendingState pending = new PendingState(state, parent.number());
    PrivateStates.Pending pendingPrivate = privateStates.pending(parent.number());
    List<Transaction> txs = new ArrayList<>();
    List<Receipt> receipts = new ArrayList<>();
    Map<String, List<LocalResult>> local = new java.util.LinkedHashMap<>();
    privateStates.psis().forEach(psi -> local.put(psi, new ArrayList<>()));
    long gasUsed = 0;
    for (TransactionRequest request : requests) {
      TransactionExecutor.Outcome outcome =
          executor.execute(request, pending, pendingPrivate, gasUsed);
      txs.add(outcome.transaction());
      receipts.add(outcome.receipt());
      outcome.local().forEach((psi, result) -> local.get(psi).add(result));
      gasUsed = outcome.receipt().cumulativeGasUsed();
    }
    boolean unchanged = pending.isEmpty();
    pending.commit(number);
    pendingPrivate.commit(number);
    long timestamp = Math.max(parent.timestamp(), clock.instant().getEpochSecond());
    Hash root = unchanged ? parent.stateRoot() : state.root(number);
    String extra = forks == 0 ? "0x" : Hex.data(Long.toString(forks).getBytes());
    Block block =
        Block.seal(
            parent.hash(),
            number,
            timestamp,
            coinbase(),
            Genesis.GAS_LIMIT,
            root,
            extra,
            txs,
            receipts,
            local);
    append(block);
    events.appended(block);
    return block;
  }

  /** Instamine: one transaction, one new block. */
  public MinedTransaction mineTransaction(TransactionRequest request) {
    return new MinedTransaction(mineBlock(List.of(request)), 0);
  }

  /**
   * Mines a private transaction that another node sent ({@code to} empty: a creation), signed by
   * {@code from}. This node's Tessera holds the payload only when one of its keys is among {@code
   * recipients}; otherwise the chain shows a payload hash Tessera answers 404 for, and the private
   * state does not change.
   */
  public MinedTransaction receiveForeignPrivate(
      Address from,
      Optional<Address> to,
      String payload,
      String senderKey,
      List<String> recipients) {
    TransactionRequest request =
        to.map(address -> TransactionRequest.call(from, address, payload))
            .orElseGet(() -> TransactionRequest.create(from, payload));
    return mineTransaction(request.withPrivacy(PrivacyRequest.foreign(senderKey, recipients)));
  }

  /**
   * GoQuorum's whole extension flow (see {@link Extensions}) of {@code contract} to {@code
   * recipientKey}: returns the transaction whose receipt logs StateShared.
   */
  public MinedTransaction extendContract(Address contract, String recipientKey) {
    return Extensions.extend(this, contract, recipientKey);
  }

  /** See {@link Extensions#importContract}: returns the StateShared transaction. */
  public MinedTransaction importExtendedContract(
      Address contract, String code, String senderKey, String recipientKey) {
    return Extensions.importContract(this, contract, code, senderKey, recipientKey);
  }

  /** The storage of the extension management contract at {@code address}, if it is one. */
  synchronized Optional<ExtenderContract.State> extender(Address address, long blockNumber) {
    return privateStates.current().extender(address, blockNumber);
  }

  /** Whether an unfinished extension of {@code contract} exists ({@code checkIfContractUnderExtension}). */
  synchronized boolean extensionInProgress(Address contract, long blockNumber) {
    return privateStates.current().extensionInProgress(contract, blockNumber);
  }

  /** See {@link Generator}: {@code count} blocks, a share of them with one private transaction. */
  public void generate(int count, double privateRatio, long seed) {
    new Generator(this, new java.util.Random(seed)).generate(count, privateRatio);
  }

  /** Replaces the last {@code depth} blocks with as many empty ones (other hashes). */
  public List<Block> reorg(int depth) {
    return reorg(depth, java.util.Collections.nCopies(depth, List.of()));
  }

  /**
   * Replaces the last {@code depth} blocks with blocks holding {@code replacement} (one list per
   * block; any number of blocks). Everything the dropped blocks did, public and private, is undone
   * first; payloads stay in Tessera. The new blocks carry a fork number as extra data, so their
   * hashes differ from those they replace even when their contents are equal.
   */
  public List<Block> reorg(int depth, List<List<TransactionRequest>> replacement) {
    try {
      return replace(depth, replacement);
    } finally {
      deliverEvents(); // what was dropped stays dropped when a replacement is rejected
    }
  }

  private synchronized List<Block> replace(int depth, List<List<TransactionRequest>> replacement) {
    long keep = head().number() - depth;
    if (depth < 1 || keep < 0) {
      throw new IllegalArgumentException("cannot replace " + depth + " blocks above genesis");
    }
    blocks.subList((int) keep + 1, blocks.size()).forEach(events::dropped);
    while (head().number() > keep) {
      Block dropped = blocks.remove(blocks.size() - 1);
      blocksByHash.remove(dropped.hash());
      dropped.transactions().forEach(tx -> transactions.remove(tx.hash()));
      listeners.forEach(listener -> listener.removed(dropped));
    }
    state.truncateAfter(keep);
    privateStates.truncateAfter(keep);
    forks++;
    return replacement.stream().map(this::mineBlock).toList();
  }

  /** Outside the lock only: a call nested in a locked one (a reorg's mining) leaves it to that. */
  private void deliverEvents() {
    if (!Thread.holdsLock(this)) {
      events.deliver();
    }
  }

  private void append(Block block) {
    blocks.add(block);
    blocksByHash.put(block.hash(), block);
    for (int i = 0; i < block.transactions().size(); i++) {
      transactions.put(block.transactions().get(i).hash(), new MinedTransaction(block, i));
    }
    listeners.forEach(listener -> listener.added(block));
  }
}
