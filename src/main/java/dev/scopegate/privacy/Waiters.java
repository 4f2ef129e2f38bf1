package dev.scopegate.privacy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Callers waiting for the index to pass a block, each with its own deadline. */
final class Waiters {
  private final Vertx vertx;
  private final TreeMap<Long, List<Promise<Void>>> byBlock = new TreeMap<>();

  Waiters(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Completes once {@link #passed} reports {@code block}, fails after {@code maxWait}. */
  Future<Void> await(long block, Duration maxWait, long indexed) {
    if (indexed >= block) {
      return Future.succeededFuture();
    }
    Promise<Void> promise = Promise.promise();
    synchronized (this) {
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
