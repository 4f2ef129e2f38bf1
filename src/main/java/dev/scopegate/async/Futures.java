package dev.scopegate.async;

import io.vertx.core.Future;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.FutureInternal;
import java.util.function.Function;

/**
 * {@code compose}, {@code map} and {@code recover} for a path whose futures are mostly complete
 * already (facts from a cache, a decision made at once): the next step is applied straight away,
 * where Vert.x would build a promise and a listener per step to call it on the same thread. The
 * outcome, and the thread the step runs on, are Vert.x's: a step runs here only when Vert.x would
 * run it at once (the future complete, with no context or on the caller's own), and a step that
 * throws fails the future, as in Vert.x. A tenant's read of its own private contract chains nine
 * such steps (the HTTP handler two, the token one, the state guard and its pin three, the
 * resolver three): docs/performance.md, "Steps taken at once".
 */
public final class Futures {
  private Futures() {}

  /** As {@code future.compose(next)}. */
  public static <T, U> Future<U> compose(Future<T> future, Function<? super T, Future<U>> next) {
    if (!now(future)) {
      return future.compose(next);
    }
    if (future.failed()) {
      return Future.failedFuture(future.cause());
    }
    try {
      return next.apply(future.result());
    } catch (Throwable e) {
      return Future.failedFuture(e);
    }
  }

  /** As {@code future.map(next)}. */
  public static <T, U> Future<U> map(Future<T> future, Function<? super T, U> next) {
    if (!now(future)) {
      return future.map(next);
    }
    if (future.failed()) {
      return Future.failedFuture(future.cause());
    }
    try {
      return Future.succeededFuture(next.apply(future.result()));
    } catch (Throwable e) {
      return Future.failedFuture(e);
    }
  }

  /** As {@code future.recover(next)}. */
  public static <T> Future<T> recover(Future<T> future, Function<Throwable, Future<T>> next) {
    if (!now(future)) {
      return future.recover(next);
    }
    if (future.succeeded()) {
      return future;
    }
    try {
      return next.apply(future.cause());
    } catch (Throwable e) {
      return Future.failedFuture(e);
    }
  }

  /** Whether Vert.x would call a listener added now at once, on this thread (FutureBase.emitResult). */
  private static boolean now(Future<?> future) {
    if (!future.isComplete() || !(future instanceof FutureInternal<?> internal)) {
      return false;
    }
    ContextInternal context = internal.context();
    return context == null || context.isRunningOnContext();
  }
}
