package dev.scopegate.isolation;

import io.vertx.core.Future;
import java.util.function.Supplier;

/** Runs a guard's synchronous part so that a thrown error (a malformed param) fails the future. */
final class Attempt {
  private Attempt() {}

  static <T> Future<T> of(Supplier<Future<T>> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
