package dev.scopegate.transport;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Timeouts of one fixed length, armed and disarmed many times a second on event loops, without a
 * Vert.x timer each. A Vert.x timer is a Netty scheduled task (a priority-queue insert and removal)
 * plus an entry in Vert.x's concurrent timer map; a call used four of them (the connection's idle
 * clock, the body's deadline, the node's deadline and the node request's idle timeout), about a
 * tenth of the event loops' CPU samples under load (docs/performance.md, "Timers").
 *
 * <p>Written here because no library does this on the caller's event loop: Netty's
 * {@code HashedWheelTimer} fires on a thread of its own (a hop back per expiry), Vert.x has only
 * its per-timer API. Because every deadline of an instance has the same length, deadlines armed on
 * one loop fall due in the order they were armed: each loop keeps them in a doubly linked list
 * (append, unlink, pop the head) and one task scheduled on the loop itself, pending only while the
 * list is not empty, pops what is due. A deadline fires between {@code length} and {@code length}
 * plus one tick after it was armed (a tick: a tenth of the length, 1 ms to 100 ms), on the context
 * that armed it, as a Vert.x timer would. The tick is a Netty task rather than a Vert.x timer so
 * that it outlives the verticle whose context first armed a deadline on the loop (undeploying a
 * verticle cancels its Vert.x timers).
 *
 * <p>Off an event loop (worker threads, tests) a deadline is an ordinary Vert.x timer.
 */
public final class Deadlines {
  private static final Logger LOG = LoggerFactory.getLogger(Deadlines.class);

  private final Vertx vertx;
  private final long lengthNanos;
  private final long lengthMillis;
  private final long tickMillis;
  private final FastThreadLocal<Lane> lanes = new FastThreadLocal<>();

  public Deadlines(Vertx vertx, Duration length) {
    this.vertx = vertx;
    this.lengthMillis = Math.max(1, length.toMillis());
    this.lengthNanos = lengthMillis * 1_000_000L;
    this.tickMillis = Math.max(1, Math.min(100, lengthMillis / 10));
  }

  public long lengthMillis() {
    return lengthMillis;
  }

  /**
   * Runs {@code expired} once the length has passed, unless {@link Deadline#cancel} came first.
   * Armed on an event loop, it runs on that loop.
   */
  public Deadline arm(Runnable expired) {
    ContextInternal context = ContextInternal.current();
    if (context == null || !context.isEventLoopContext() || !context.nettyEventLoop().inEventLoop()) {
      return new TimerDeadline(vertx, vertx.setTimer(lengthMillis, t -> expired.run()));
    }
    Lane lane = lanes.get();
    if (lane == null) {
      lane = new Lane(context.nettyEventLoop());
      lanes.set(lane);
    }
    Entry entry = new Entry(lane, context, System.nanoTime() + lengthNanos, expired);
    lane.append(entry);
    return entry;
  }

  /** One armed deadline. */
  public interface Deadline {
    /** Disarms it; nothing happens when it already fired or was cancelled. From any thread. */
    void cancel();
  }

  private record TimerDeadline(Vertx vertx, long timer) implements Deadline {
    @Override
    public void cancel() {
      vertx.cancelTimer(timer);
    }
  }

  private static final class Entry implements Deadline {
    private final Lane lane;
    private final ContextInternal context;
    private final long due;
    private Runnable expired;
    private Entry previous;
    private Entry next;

    Entry(Lane lane, ContextInternal context, long due, Runnable expired) {
      this.lane = lane;
      this.context = context;
      this.due = due;
      this.expired = expired;
    }

    @Override
    public void cancel() {
      if (lane.loop.inEventLoop()) {
        lane.unlink(this);
      } else {
        lane.loop.execute(() -> lane.unlink(this));
      }
    }
  }

  /** One event loop's armed deadlines, oldest first; touched only on that loop. */
  private final class Lane {
    private final EventLoop loop;
    private Entry head;
    private Entry tail;
    private boolean ticking;

    Lane(EventLoop loop) {
      this.loop = loop;
    }

    void append(Entry entry) {
      entry.previous = tail;
      if (tail == null) {
        head = entry;
      } else {
        tail.next = entry;
      }
      tail = entry;
      if (!ticking) {
        ticking = true;
        loop.schedule(this::tick, tickMillis, TimeUnit.MILLISECONDS);
      }
    }

    void unlink(Entry entry) {
      if (entry.expired == null) {
        return; // fired, or already cancelled
      }
      entry.expired = null;
      if (entry.previous == null) {
        head = entry.next;
      } else {
        entry.previous.next = entry.next;
      }
      if (entry.next == null) {
        tail = entry.previous;
      } else {
        entry.next.previous = entry.previous;
      }
      entry.previous = null;
      entry.next = null;
    }

    private void tick() {
      long now = System.nanoTime();
      while (head != null && head.due - now <= 0) {
        Entry due = head;
        Runnable expired = due.expired;
        unlink(due);
        try {
          due.context.emit(v -> expired.run());
        } catch (RuntimeException e) {
          LOG.warn("a timeout's action failed: {}", e.toString());
        }
      }
      if (head == null) {
        ticking = false;
      } else {
        loop.schedule(this::tick, tickMillis, TimeUnit.MILLISECONDS);
      }
    }
  }
}
