package dev.scopegate.upstream.ws;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * The one context all of the upstream's state lives on. Work from elsewhere hops onto it, and its
 * outcome hops back to the caller's context, so neither side sees the other's thread.
 */
final class Home {
  private final Context context;

  Home(Context context) {
    this.context = context;
  }

  <T> Future<T> call(Supplier<Future<T>> work) {
    Context caller = Vertx.currentContext();
    if (caller == context) {
      return safely(work);
    }
    Promise<T> outcome = Promise.promise();
    context.runOnContext(
        v ->
            safely(work)
                .onComplete(
                    result -> {
                      if (caller == null) {
                        outcome.handle(result);
                      } else {
                        caller.runOnContext(x -> outcome.handle(result));
                      }
                    }));
    return outcome.future();
  }

  private static <T> Future<T> safely(Supplier<Future<T>> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
