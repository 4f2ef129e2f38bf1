package dev.scopegate.bench;

import java.util.Arrays;

/**
 * Latencies in nanoseconds, kept whole and sorted at the end (a run records at most a few hundred
 * thousand). HdrHistogram sits in the jar only at runtime (Micrometer's), not on the compile path.
 */
final class Latencies {
  private long[] values = new long[1 << 16];
  private int size;

  synchronized void record(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = Math.max(0, nanos);
  }

  /** Records every latency {@code other} holds. */
  void addAll(Latencies other) {
    long[] theirs;
    int count;
    synchronized (other) {
      theirs = other.values;
      count = other.size;
    }
    for (int i = 0; i < count; i++) {
      record(theirs[i]);
    }
  }

  synchronized void reset() {
    size = 0;
  }

  /** The value at {@code percentile} (0-100) in milliseconds, three decimals; "-" when empty. */
  synchronized String ms(double percentile) {
    if (size == 0) {
      return "-";
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int index = (int) Math.min(size - 1, Math.max(0, Math.ceil(percentile / 100 * size) - 1));
    return String.format("%.3f", sorted[index] / 1e6);
  }
}
