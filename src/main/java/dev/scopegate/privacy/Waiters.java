package dev.scopegate.privacy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/** Callers waiting for the index to pass a block, each with its own deadline. */
final class Waiters {
  private final Vertx vertx;
  private final TreeMap<Long, List<Promise<Void>>> byBlock = new TreeMap<>();

  Waiters(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * Completes once {@link #passed} reports {@code block}, fails after {@code maxWait}.
   * {@code indexed} is read again under the lock {@link #passed} takes: the index sets its
   * number, then reports it, from its own event loop, so a waiter that read the number before the
   * report and registered after it would wait for a report already made (a test waiting for block
   * 0 at start timed out that way while the index had logged "caught up at block 0").
   */
  Future<Void> await(long block, Duration maxWait, LongSupplier indexed) {
    if (indexed.getAsLong() >= block) {
      return Future.succeededFuture();
    }
    Promise<Void> promise = Promise.promise();
    synchronized (this) {
      if (indexed.getAsLong() >= block) {
        return Future.succeededFuture();
      }
      byBlock.computeIfAbsent(block, b -> new ArrayList<>()).add(promise);
    }
    long timer =
        vertx.setTimer(
            Math.max(1, maxWait.toMillis()),
            t -> promise.tryFail(new IndexBehindException(block)));
    return promise.future().andThen(done -> vertx.cancelTimer(timer));
  }

  void passed(long indexed) {
    List<Promise<Void>> ready = new ArrayList<>();
    synchronized (this) {
      Map<Long, List<Promise<Void>>> head = byBlock.headMap(indexed, true);
      head.values().forEach(ready::addAll);
      head.clear();
    }
    ready.forEach(Promise::tryComplete);
  }

  /** Thrown to waiters whose deadline passed before the index reached their block. */
  static final class IndexBehindException extends RuntimeException {
    IndexBehindException(long block) {
      super("privacy index has not reached block " + block, null, false, false);
    }
  }
}
