package dev.scopegate.upstream.ws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where a logs subscription stands: the block of the last log delivered and which logs of that
 * block were delivered. A backfill starts at that block and skips those.
 */
final class LogCursor {
  private long block = -1;
  private final Set<String> deliveredInBlock = new HashSet<>();

  /** Nothing delivered yet; logs from {@code block} on are still to come. */
  void startAt(long block) {
    this.block = block;
    deliveredInBlock.clear();
  }

  Optional<Long> block() {
    return block < 0 ? Optional.empty() : Optional.of(block);
  }

  Set<String> deliveredInBlock() {
    return Set.copyOf(deliveredInBlock);
  }

  void delivered(JsonNode log) {
    if (LogId.removed(log)) {
      return;
    }
    Optional<Long> number = LogId.block(log);
    if (number.isEmpty()) {
      return;
    }
    if (number.get() != block) {
      startAt(number.get());
    }
    LogId.of(log).ifPresent(deliveredInBlock::add);
  }
}
