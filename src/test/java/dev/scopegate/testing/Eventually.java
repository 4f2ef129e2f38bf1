package dev.scopegate.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that some event will make true, polling it, and fails after a bound: for
 * states that publish no event a test could await (a gauge, a counter, an index opening).
 */
public final class Eventually {
  private Eventually() {}

  public static void until(BooleanSupplier condition, String what) throws InterruptedException {
    until(condition, what, Duration.ofSeconds(20));
  }

  public static void until(BooleanSupplier condition, String what, Duration bound) throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(5); // polling the condition, not a fixed wait
    }
  }
}
