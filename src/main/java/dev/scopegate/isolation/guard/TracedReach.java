package dev.scopegate.isolation.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.scopegate.jsonrpc.Json;
import io.vertx.core.Future;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The accounts a call touched when the node traced it at a block, kept while that block is
 * unchanged: the same call (with the same overrides) at the same block of the same chain runs the
 * same code on the same state, so it touches the same accounts. Without this, every tenant call
 * costs two traces beside the call itself. Who may read what is still decided per call from the
 * accounts (the privacy facts of each at that block); only the node's trace is reused. A trace is
 * kept under the lineage of the chain it was taken in ({@link dev.scopegate.privacy.HeadFollower#lineage})
 * and never used in another; while the head is not followed nothing is kept.
 */
final class TracedReach {
  /** Keys are whole calls; bounded by their size (characters), not by their number. */
  private static final long MAX_WEIGHT = 16L << 20;

  private record Traced(long lineage, Set<String> touched) {}

  private final Supplier<OptionalLong> lineage;
  private final Cache<String, Traced> traced = Caffeine.newBuilder()
      .maximumWeight(MAX_WEIGHT)
      .<String, Traced>weigher((call, t) -> call.length() + 64 * t.touched().size())
      .build();

  TracedReach(Supplier<OptionalLong> lineage) {
    this.lineage = lineage;
  }

  /** The accounts {@code call} touches at {@code block}: remembered, else {@code trace}d. */
  Future<Set<String>> touched(JsonNode call, long block, CallOverrides overrides, Supplier<Future<Set<String>>> trace) {
    OptionalLong before = lineage.get();
    if (before.isEmpty()) {
      return trace.get();
    }
    String key = key(call, block, overrides);
    Traced known = traced.getIfPresent(key);
    if (known != null && known.lineage() == before.getAsLong()) {
      return Future.succeededFuture(known.touched());
    }
    return trace.get().onSuccess(touched -> {
      // taken while the chain may have changed below it: of no block for sure, so not kept
      if (lineage.get().equals(before)) {
        traced.put(key, new Traced(before.getAsLong(), Set.copyOf(touched)));
      }
    });
  }

  private static String key(JsonNode call, long block, CallOverrides overrides) {
    return block + "|" + Json.string(call) + "|" + overrides.state().map(Json::string).orElse("")
        + "|" + overrides.block().map(Json::string).orElse("");
  }
}
