package dev.scopegate.transport;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * Brings a future's outcome back to a connection's event loop. What a connection waits on may
 * complete elsewhere (a key fetch or cache entry shared with connections of other loops, a Redis
 * reply), and the connection's own state is touched on its loop only.
 */
public final class OnLoop {
  private OnLoop() {}

  /** {@code future}'s outcome, delivered on {@code loop}: at once when it completes there
   * (null {@code loop}: called off any event loop, nothing to come back to). */
  public static <T> Future<T> resume(Context loop, Future<T> future) {
    if (loop == null || future.isComplete() && Vertx.currentContext() == loop) {
      return future;
    }
    Promise<T> back = Promise.promise();
    future.onComplete(outcome -> {
      if (Vertx.currentContext() == loop) {
        back.handle(outcome);
      } else {
        loop.runOnContext(v -> back.handle(outcome));
      }
    });
    return back.future();
  }
}
