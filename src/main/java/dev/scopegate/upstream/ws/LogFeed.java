package dev.scopegate.upstream.ws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The deliveries of a logs subscription. Live logs pass straight through. After a reconnect the
 * live ones are held while the logs missed meanwhile are fetched; those go out first, then the
 * held ones. Until a live log beyond the backfilled range arrives, a live log the backfill
 * already delivered is dropped, so none is lost and none is delivered twice.
 */
final class LogFeed {
  private final Consumer<JsonNode> out;
  private final LogCursor cursor = new LogCursor();
  private List<JsonNode> held;
  private Set<String> backfilled;
  private long backfilledTo;

  LogFeed(Consumer<JsonNode> out) {
    this.out = out;
  }

  /** Subscribed while the head was {@code head}: later blocks' logs arrive live. */
  void subscribedAt(long head) {
    cursor.startAt(head + 1);
  }

  /** The block a backfill starts at; empty when it is not known. */
  Optional<Long> resumeFrom() {
    return cursor.block();
  }

  void live(JsonNode log) {
    if (held != null) {
      held.add(log);
      return;
    }
    if (backfilled != null) {
      if (LogId.block(log).map(block -> block > backfilledTo).orElse(false)) {
        backfilled = null;
      } else if (!LogId.removed(log) && !unseen(log)) {
        return;
      }
    }
    deliver(log);
  }

  /** Re-subscribed: hold live logs until {@link #backfill}. */
  void hold() {
    held = new ArrayList<>();
  }

  /** The connection went again before the backfill: the next backfill covers what was held. */
  void abandon() {
    held = null;
  }

  /** Delivers the logs missed up to block {@code to} (in order), then the live ones held. */
  void backfill(List<JsonNode> missed, long to) {
    backfilled = new HashSet<>(cursor.deliveredInBlock());
    // A node behind the cursor still has the cursor's block to come: count it as covered.
    backfilledTo = Math.max(to, cursor.block().orElse(to));
    for (JsonNode log : missed) {
      if (unseen(log)) {
        deliver(log);
      }
    }
    List<JsonNode> live = held == null ? List.of() : held;
    held = null;
    live.forEach(this::live);
  }

  private boolean unseen(JsonNode log) {
    return LogId.of(log).map(backfilled::add).orElse(true);
  }

  private void deliver(JsonNode log) {
    cursor.delivered(log);
    out.accept(log);
  }
}
