package dev.scopegate.privacy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Waiting for the index to pass a block: no report is missed, none is invented. */
@ExtendWith(VertxExtension.class)
class WaitersTest {

  @Test
  void aReportMadeBetweenTheCheckAndTheRegistrationIsNotMissed(Vertx vertx) {
    Waiters waiters = new Waiters(vertx);
    AtomicLong indexed = new AtomicLong(-1);
    AtomicBoolean first = new AtomicBoolean(true);
    // the waiter reads -1, and right after that the index sets 0 and reports it, before the
    // waiter has registered: the interleaving that once left a waiter until its deadline
    LongSupplier racing = () -> {
      long seen = indexed.get();
      if (first.getAndSet(false)) {
        indexed.set(0);
        waiters.passed(0);
      }
      return seen;
    };
    Future<Void> waited = waiters.await(0, Duration.ofMinutes(5), racing);
    assertTrue(waited.succeeded(), "completed at once, not at the deadline");
  }

  @Test
  void aWaiterRegisteredFirstCompletesOnTheReport(Vertx vertx) {
    Waiters waiters = new Waiters(vertx);
    AtomicLong indexed = new AtomicLong(4);
    Future<Void> waited = waiters.await(6, Duration.ofMinutes(5), indexed::get);
    indexed.set(5);
    waiters.passed(5);
    assertFalse(waited.isComplete(), "block 5 is not block 6");
    indexed.set(6);
    waiters.passed(6);
    assertTrue(waited.succeeded());
  }

  @Test
  void afterARollbackAWaiterWaitsForTheBlockAgain(Vertx vertx) throws Exception {
    Waiters waiters = new Waiters(vertx);
    AtomicLong indexed = new AtomicLong(9);
    waiters.passed(9);
    indexed.set(7); // rolled back to the fork: blocks 8 and 9 are not indexed any more
    Future<Void> waited = waiters.await(9, Duration.ofMillis(200), indexed::get);
    assertFalse(waited.isComplete(), "an earlier report does not count after a rollback");
    Throwable failure = waited.toCompletionStage().toCompletableFuture()
        .handle((ok, error) -> error).get(10, TimeUnit.SECONDS);
    assertInstanceOf(Waiters.IndexBehindException.class, failure);
  }
}
