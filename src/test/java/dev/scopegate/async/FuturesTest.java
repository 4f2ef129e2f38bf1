package dev.scopegate.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each step gives what Vert.x's own compose, map and recover give, on the thread they use. */
class FuturesTest {
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void aSucceededFutureRunsTheStepAtOnce() {
    Future<Integer> next = Future.succeededFuture(41);
    Future<String> composed = Futures.compose(next, n -> Future.succeededFuture("n=" + (n + 1)));
    assertEquals("n=42", composed.result());
    assertEquals(43, Futures.map(next, n -> n + 2).result());
    assertSame(next, Futures.recover(next, e -> Future.succeededFuture(0)));
  }

  @Test
  void aFailureSkipsTheStepAndKeepsItsCause() {
    IllegalStateException cause = new IllegalStateException("refused");
    Future<Integer> failed = Future.failedFuture(cause);
    AtomicReference<Integer> called = new AtomicReference<>();
    assertSame(cause, Futures.compose(failed, n -> {
      called.set(n);
      return Future.succeededFuture(n);
    }).cause());
    assertSame(cause, Futures.map(failed, n -> {
      called.set(n);
      return n;
    }).cause());
    assertEquals(null, called.get());
    assertEquals(7, Futures.recover(failed, e -> Future.succeededFuture(7)).result());
  }

  @Test
  void aStepThatThrowsFailsTheFutureInsteadOfThrowing() {
    IllegalArgumentException thrown = new IllegalArgumentException("bad param");
    Future<Integer> one = Future.succeededFuture(1);
    assertSame(thrown, Futures.compose(one, n -> { throw thrown; }).cause());
    assertSame(thrown, Futures.map(one, n -> { throw thrown; }).cause());
    assertSame(thrown, Futures.recover(Future.<Integer>failedFuture("x"), e -> { throw thrown; }).cause());
    // what Vert.x does with the same steps
    assertSame(thrown, one.compose(n -> Future.<Integer>failedFuture(thrown)).cause());
    assertSame(thrown, one.map(n -> { throw thrown; }).cause());
  }

  @Test
  void aPendingFutureRunsTheStepWhenItCompletes() {
    Promise<Integer> later = Promise.promise();
    Future<Integer> composed = Futures.compose(later.future(), n -> Future.succeededFuture(n * 2));
    Future<Integer> mapped = Futures.map(later.future(), n -> n + 1);
    Future<Integer> recovered = Futures.recover(later.future(), e -> Future.succeededFuture(-1));
    assertFalse(composed.isComplete());
    assertFalse(mapped.isComplete());
    later.complete(5);
    assertEquals(10, composed.result());
    assertEquals(6, mapped.result());
    assertEquals(5, recovered.result());
  }

  @Test
  void aFutureOfAnotherContextRunsTheStepOnThatContext() throws Exception {
    // complete on a context, then compose from a thread that is not it: Vert.x runs the step on
    // the future's context, and so must this
    Context context = vertx.getOrCreateContext();
    CompletableFuture<Future<Integer>> made = new CompletableFuture<>();
    context.runOnContext(v -> {
      made.complete(Future.fromCompletionStage(CompletableFuture.completedFuture(3), context));
    });
    Future<Integer> bound = made.get(5, TimeUnit.SECONDS);
    assertTrue(bound.isComplete());
    CompletableFuture<Context> ranOn = new CompletableFuture<>();
    Future<Integer> composed = Futures.compose(bound, n -> {
      ranOn.complete(Vertx.currentContext());
      return Future.succeededFuture(n);
    });
    assertSame(context, ranOn.get(5, TimeUnit.SECONDS));
    assertEquals(3, composed.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS));
  }

  @Test
  void onItsOwnContextTheStepRunsAtOnce() throws Exception {
    Context context = vertx.getOrCreateContext();
    CompletableFuture<Boolean> atOnce = new CompletableFuture<>();
    context.runOnContext(v -> {
      Future<Integer> bound = Future.fromCompletionStage(CompletableFuture.completedFuture(3), context);
      boolean[] ran = {false};
      Futures.map(bound, n -> ran[0] = true);
      atOnce.complete(ran[0] && bound.isComplete());
    });
    assertTrue(atOnce.get(5, TimeUnit.SECONDS));
  }
}
