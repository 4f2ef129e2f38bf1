package dev.scopegate.isolation.guard;

import io.vertx.core.Future;
import java.util.function.Supplier;

/** Runs a guard's synchronous part so that a thrown error (a malformed param) fails the future. */
public final class Attempt {
  private Attempt() {}

  public static <T> Future<T> of(Supplier<Future<T>> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
