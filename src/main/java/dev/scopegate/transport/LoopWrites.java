package dev.scopegate.transport;

import io.vertx.core.Context;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A connection's writes, run on the connection's own event loop whichever thread asks, in the
 * order asked. Subscriptions deliver on the node socket's event loop, while each client
 * connection lives on the event loop that accepted it; a socket's write queue is only measured
 * right from its own loop (from another thread Vert.x counts queued messages, not bytes, and calls
 * the queue full past 16 of them, so a burst of notifications closed fast readers as too slow).
 * What waits to hop over is bounded: past {@code maxBytes} a write is refused, as a full socket
 * queue refuses it.
 */
public final class LoopWrites {
  private final Context loop;
  private final Thread owner;
  private final long maxBytes;
  private final AtomicLong waiting = new AtomicLong();
  private final AtomicLong waitingBytes = new AtomicLong();

  /** Made on the connection's event loop, whose thread then owns the writes. */
  public LoopWrites(Context loop, long maxBytes) {
    if (!Context.isOnEventLoopThread()) {
      throw new IllegalStateException("a connection's writes are made on its event loop");
    }
    this.loop = loop;
    this.owner = Thread.currentThread();
    this.maxBytes = maxBytes;
  }

  /** Whether the caller runs on the connection's event loop. */
  public boolean onLoop() {
    return Thread.currentThread() == owner;
  }

  /**
   * Runs {@code write} (of {@code bytes}) on the loop after every write asked for before it: at
   * once when called there with nothing waiting. False, and nothing runs, when the bytes waiting
   * would exceed the bound.
   */
  public boolean run(long bytes, Runnable write) {
    if (waiting.get() == 0 && onLoop()) {
      write.run();
      return true;
    }
    if (waitingBytes.addAndGet(bytes) > maxBytes) {
      waitingBytes.addAndGet(-bytes);
      return false;
    }
    waiting.incrementAndGet();
    loop.runOnContext(v -> {
      waitingBytes.addAndGet(-bytes);
      try {
        write.run();
      } finally {
        waiting.decrementAndGet();
      }
    });
    return true;
  }
}
