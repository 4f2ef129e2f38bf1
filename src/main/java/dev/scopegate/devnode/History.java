package dev.scopegate.devnode;

import java.util.ArrayList;
import java.util.List;

/**
 * Every value a key has had, keyed by the block that produced it. Only changes are kept, so reading
 * an old block costs a binary search and no snapshots; a reorganisation cuts the tail.
 */
final class History<T> {
  private final List<Long> blocks = new ArrayList<>();
  private final List<T> values = new ArrayList<>();

  /** Records the value after {@code block}; blocks are recorded in increasing order. */
  void record(long block, T value) {
    int last = blocks.size() - 1;
    if (last >= 0 && blocks.get(last) == block) {
      values.set(last, value);
      return;
    }
    if (last >= 0 && blocks.get(last) > block) {
      throw new IllegalStateException("history is append-only: block " + block);
    }
    blocks.add(block);
    values.add(value);
  }

  /** The value at the end of {@code block}, or {@code absent} before the first record. */
  T at(long block, T absent) {
    int low = 0;
    int high = blocks.size() - 1;
    int found = -1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (blocks.get(mid) <= block) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found < 0 ? absent : values.get(found);
  }

  /** Forgets every value recorded after {@code block}. */
  void truncateAfter(long block) {
    while (!blocks.isEmpty() && blocks.get(blocks.size() - 1) > block) {
      blocks.remove(blocks.size() - 1);
      values.remove(values.size() - 1);
    }
  }

  boolean isEmpty() {
    return blocks.isEmpty();
  }
}
