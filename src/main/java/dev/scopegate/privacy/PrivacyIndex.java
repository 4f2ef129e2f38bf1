package dev.scopegate.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the node from {@code fromBlock} to its head and on, recording every private
 * transaction's parties and the contracts it creates or extends. Blocks are read in batches,
 * applied in order, one at a time, each atomically; a block whose facts cannot all be read stops
 * the index there (it retries with backoff, never skips). A reorganisation rolls back to the
 * fork point.
 */
public final class PrivacyIndex {
  private static final Logger LOG = LoggerFactory.getLogger(PrivacyIndex.class);
  static final int WINDOW = 64;
  private static final int MAX_REORG_DEPTH = 128;
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final Vertx vertx;
  private final Context context;
  private final NodeRpc node;
  private final BlockReader reader;
  private final IndexStore store;
  private final long fromBlock;
  private final Duration poll;
  private final Waiters waiters;
  private final Progress progress = new Progress();
  private final FactMerger merger = new FactMerger(new IgnoredExtensions());
  private final List<Consumer<Optional<List<String>>>> changeListeners = new CopyOnWriteArrayList<>();

  private volatile long indexed;
  private final Supplier<OptionalLong> announcedHead;
  private volatile long nodeHead = -1;
  private volatile boolean stopped;
  private Duration backoff = FIRST_BACKOFF;
  private String lastFailure = "";
  private long timer = -1;
  private boolean idle;
  private volatile Future<?> running = Future.succeededFuture();

  PrivacyIndex(Vertx vertx, NodeRpc node, BlockReader reader, IndexStore store, long fromBlock, Duration poll) {
    this(vertx, node, reader, store, fromBlock, poll, OptionalLong::empty);
  }

  /** With {@code announcedHead}: the head as {@code newHeads} announce it, asked of the node only when unknown. */
  PrivacyIndex(Vertx vertx, NodeRpc node, BlockReader reader, IndexStore store, long fromBlock, Duration poll,
      Supplier<OptionalLong> announcedHead) {
    this.announcedHead = announcedHead;
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.node = node;
    this.reader = reader;
    this.store = store;
    this.fromBlock = fromBlock;
    this.poll = poll;
    this.waiters = new Waiters(vertx);
    this.indexed = store.head().map(IndexedBlock::number).orElse(fromBlock - 1);
  }

  void start() {
    LOG.info("privacy index: resuming after block {}", indexed);
    context.runOnContext(v -> step());
  }

  public IndexStatus status() {
    return new IndexStatus(indexed, nodeHead, !stopped);
  }

  public IndexStore store() {
    return store;
  }

  /** Completes when the index has applied {@code block}; fails after {@code maxWait}. */
  public Future<Void> awaitIndexed(long block, Duration maxWait) {
    return waiters.await(block, maxWait, () -> indexed);
  }

  /**
   * Told which contracts' facts changed: the addresses a block set, or empty after a rollback
   * (when any fact may have changed).
   */
  public void onChange(Consumer<Optional<List<String>>> listener) {
    changeListeners.add(listener);
  }

  /** Stops following; the store closes once the step in flight has finished with it. */
  public Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(timer);
    return running.transform(done -> vertx.executeBlocking(() -> {
      store.close();
      return null;
    }));
  }

  private void step() {
    if (stopped) {
      return;
    }
    OptionalLong announced = announcedHead.get();
    Future<Long> asked = announced.isPresent()
        ? Future.succeededFuture(announced.getAsLong())
        : node.call("eth_blockNumber").map(ChainFormat::quantity);
    running = asked
        .compose(head -> {
          nodeHead = head;
          if (indexed >= nodeHead) {
            return Future.succeededFuture(false);
          }
          long first = indexed + 1;
          int count = (int) Math.min(WINDOW, nodeHead - indexed);
          return reader.read(first, count).compose(this::applyAll).map(true);
        })
        .onComplete(result -> {
          if (result.failed()) {
            failed(result.cause());
          } else {
            recovered();
            progress.report(indexed, nodeHead);
            schedule(result.result() ? Duration.ZERO : poll);
          }
        });
  }

  private void schedule(Duration delay) {
    if (stopped) {
      return;
    }
    if (delay.isZero()) {
      context.runOnContext(v -> step());
    } else {
      idle = delay.equals(poll);
      timer = vertx.setTimer(delay.toMillis(), t -> {
        idle = false;
        step();
      });
    }
  }

  /**
   * The node announced a new head (a {@code newHeads} subscription): an index waiting for its next
   * poll reads it now. One that is busy, or backing off after a failure, carries on as it was.
   */
  public void newHead() {
    context.runOnContext(v -> {
      if (idle && !stopped && vertx.cancelTimer(timer)) {
        idle = false;
        step();
      }
    });
  }

  private void failed(Throwable cause) {
    if (stopped) {
      return; // a read cut short by the stop is no failure worth a warning
    }
    String why = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    if (cause instanceof Reorganised) {
      schedule(Duration.ZERO);
      return;
    }
    // Once per outage: a neighbour failing in turns (refused, then garbage, then refused) is one
    // outage, not a line per retry; the reasons after the first go to DEBUG.
    if (lastFailure.isEmpty()) {
      LOG.warn("privacy index stopped at block {}: {}; retrying with backoff, quietly until it resumes",
          indexed + 1, why);
    } else {
      LOG.debug("privacy index still stopped at block {}: {}", indexed + 1, why);
    }
    lastFailure = why;
    schedule(backoff);
    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
  }

  private void recovered() {
    if (!lastFailure.isEmpty()) {
      LOG.info("privacy index resumed at block {}", indexed + 1);
      lastFailure = "";
    }
    backoff = FIRST_BACKOFF;
  }

  private Future<Void> applyAll(List<RawBlock> blocks) {
    Future<Void> chain = Future.succeededFuture();
    for (RawBlock raw : blocks) {
      chain = chain.compose(v -> applyOne(raw));
    }
    return chain;
  }

  private Future<Void> applyOne(RawBlock raw) {
    return vertx.executeBlocking(() -> {
          Optional<IndexedBlock> head = store.head();
          if (head.isPresent() && !head.get().hash().equals(raw.parentHash())) {
            return null;
          }
          BlockFacts facts = merger.merge(raw, store);
          store.apply(facts);
          return facts;
        })
        .compose(facts -> {
          if (facts == null) {
            return rollBack(raw.number() - 1).compose(v -> Future.failedFuture(new Reorganised()));
          }
          // Cached facts go first: a call that learns this block is indexed may run at once on
          // another event loop, and must not find the facts of the block before.
          changed(facts.contracts().stream().map(ContractFact::address).toList());
          indexed = facts.number();
          waiters.passed(indexed);
          return Future.succeededFuture();
        });
  }

  /** Finds the newest block the store and the node agree on, and undoes everything above it. */
  private Future<Void> rollBack(long head) {
    long lowest = Math.max(fromBlock, head - MAX_REORG_DEPTH + 1);
    List<NodeRpc.Call> calls = new ArrayList<>();
    for (long n = head; n >= lowest; n--) {
      calls.add(new NodeRpc.Call("eth_getBlockByNumber", ChainFormat.hex(n), false));
    }
    return node.batch(calls).compose(blocks -> vertx.executeBlocking(() -> {
      long fork = lowest - 1;
      for (int i = 0; i < blocks.size(); i++) {
        long n = head - i;
        JsonNode block = blocks.get(i);
        String nodeHash = block == null || block.isNull() ? "" : ChainFormat.lower(block.path("hash"));
        if (store.blockHash(n).filter(nodeHash::equals).isPresent()) {
          fork = n;
          break;
        }
      }
      store.rollbackTo(fork);
      LOG.warn("privacy index: chain reorganised; rolled back to block {}", fork);
      indexed = fork;
      return null;
    })).map(v -> {
      changeListeners.forEach(l -> l.accept(Optional.empty()));
      return null;
    });
  }

  private void changed(List<String> addresses) {
    if (!addresses.isEmpty()) {
      changeListeners.forEach(l -> l.accept(Optional.of(addresses)));
    }
  }

  /** Marks a step that ended in a rollback: the next one starts from the fork point. */
  private static final class Reorganised extends RuntimeException {
    Reorganised() {
      super("reorganised", null, false, false);
    }
  }
}
