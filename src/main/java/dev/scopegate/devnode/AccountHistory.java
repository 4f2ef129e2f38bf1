package dev.scopegate.devnode;

import java.util.ArrayList;
import java.util.List;

/**
 * Every state an account has had, keyed by the block that produced it. Only changes are kept,
 * so reading an old block costs a binary search and no snapshots.
 */
final class AccountHistory {
  private final List<Long> blocks = new ArrayList<>();
  private final List<AccountState> states = new ArrayList<>();

  /** Records the state after {@code block}; blocks are recorded in increasing order. */
  void record(long block, AccountState state) {
    int last = blocks.size() - 1;
    if (last >= 0 && blocks.get(last) == block) {
      states.set(last, state);
      return;
    }
    if (last >= 0 && blocks.get(last) > block) {
      throw new IllegalStateException("history is append-only: block " + block);
    }
    blocks.add(block);
    states.add(state);
  }

  /** The state at the end of {@code block}. */
  AccountState at(long block) {
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
    return found < 0 ? AccountState.EMPTY : states.get(found);
  }
}
