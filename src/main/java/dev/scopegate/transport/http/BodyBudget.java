package dev.scopegate.transport.http;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The body bytes all HTTP requests may hold at once ({@code server.maxBodyBytesInFlight}). A
 * request reserves its declared length before a byte of its body is read, so many slow or large
 * requests together cannot grow the heap past the budget.
 */
final class BodyBudget {
  private final long capacity;
  private final AtomicLong used = new AtomicLong();

  BodyBudget(long capacity) {
    this.capacity = capacity;
  }

  /** Reserves {@code bytes}, or empty when the budget cannot hold them now. */
  Optional<Reservation> reserve(long bytes) {
    long now;
    do {
      now = used.get();
      if (now + bytes > capacity) {
        return Optional.empty();
      }
    } while (!used.compareAndSet(now, now + bytes));
    return Optional.of(new Reservation(bytes));
  }

  /** Bytes held for one request; released once, whichever way the request ends. */
  final class Reservation {
    private final long bytes;
    private final AtomicBoolean released = new AtomicBoolean();

    private Reservation(long bytes) {
      this.bytes = bytes;
    }

    void release() {
      if (released.compareAndSet(false, true)) {
        used.addAndGet(-bytes);
      }
    }
  }
}
