package dev.scopegate.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadlinesTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  /** Runs {@code body} on an event loop and returns what it returns. */
  private <T> T onLoop(Context loop, java.util.function.Supplier<T> body) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    loop.runOnContext(v -> {
      try {
        result.complete(body.get());
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    return result.get(10, TimeUnit.SECONDS);
  }

  @Test
  void firesNotBeforeItsLengthOnTheContextThatArmedIt() throws Exception {
    Deadlines deadlines = new Deadlines(vertx, Duration.ofMillis(200));
    Context loop = vertx.getOrCreateContext();
    CountDownLatch fired = new CountDownLatch(1);
    AtomicReference<Context> firedOn = new AtomicReference<>();
    long armed = onLoop(loop, () -> {
      deadlines.arm(() -> {
        firedOn.set(Vertx.currentContext());
        fired.countDown();
      });
      return System.nanoTime();
    });
    assertTrue(fired.await(10, TimeUnit.SECONDS), "the deadline fired");
    long elapsedMs = (System.nanoTime() - armed) / 1_000_000;
    assertTrue(elapsedMs >= 200, "fired after " + elapsedMs + " ms, before its length");
    assertSame(loop, firedOn.get(), "fired on the context that armed it");
  }

  @Test
  void aCancelledDeadlineNeverFiresAndTheOthersStillDoInOrder() throws Exception {
    Deadlines deadlines = new Deadlines(vertx, Duration.ofMillis(50));
    Context loop = vertx.getOrCreateContext();
    List<Integer> fired = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch last = new CountDownLatch(1);
    onLoop(loop, () -> {
      List<Deadlines.Deadline> armed = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        int n = i;
        armed.add(deadlines.arm(() -> {
          fired.add(n);
          if (n == 9) {
            last.countDown();
          }
        }));
      }
      armed.get(0).cancel(); // the head
      armed.get(4).cancel(); // the middle
      armed.get(4).cancel(); // twice: nothing happens
      return null;
    });
    assertTrue(last.await(10, TimeUnit.SECONDS));
    assertEquals(List.of(1, 2, 3, 5, 6, 7, 8, 9), fired);
  }

  @Test
  void aCancelFromAnotherThreadTakesEffectOnTheLoop() throws Exception {
    Deadlines deadlines = new Deadlines(vertx, Duration.ofMillis(300));
    Context loop = vertx.getOrCreateContext();
    AtomicInteger fired = new AtomicInteger();
    CountDownLatch control = new CountDownLatch(1);
    Deadlines.Deadline cancelled = onLoop(loop, () -> deadlines.arm(fired::incrementAndGet));
    onLoop(loop, () -> deadlines.arm(control::countDown));
    cancelled.cancel(); // from the test's thread
    assertTrue(control.await(10, TimeUnit.SECONDS), "the deadline armed after it fired");
    assertEquals(0, fired.get(), "the cancelled deadline, due before it, did not fire");
  }

  @Test
  void keepsFiringAfterTheListEmptiedAndAcrossEventLoops() throws Exception {
    Deadlines deadlines = new Deadlines(vertx, Duration.ofMillis(20));
    for (int round = 0; round < 3; round++) {
      CountDownLatch fired = new CountDownLatch(2);
      onLoop(vertx.getOrCreateContext(), () -> deadlines.arm(fired::countDown));
      onLoop(vertx.getOrCreateContext(), () -> deadlines.arm(fired::countDown));
      assertTrue(fired.await(10, TimeUnit.SECONDS), "round " + round);
    }
  }

  @Test
  void offAnEventLoopItIsAnOrdinaryTimer() throws Exception {
    Deadlines deadlines = new Deadlines(vertx, Duration.ofMillis(20));
    CountDownLatch fired = new CountDownLatch(1);
    assertNotNull(deadlines.arm(fired::countDown));
    assertTrue(fired.await(10, TimeUnit.SECONDS));
    AtomicInteger cancelled = new AtomicInteger();
    deadlines.arm(cancelled::incrementAndGet).cancel();
    CountDownLatch after = new CountDownLatch(1);
    deadlines.arm(after::countDown);
    assertTrue(after.await(10, TimeUnit.SECONDS));
    assertEquals(0, cancelled.get());
  }
}
