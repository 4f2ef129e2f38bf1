package dev.scopegate.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says at WARN, once per emitting contract, that a {@code StateShared} log was not honoured. The
 * memory of who was named is bounded: a tenant deploying emitters by the thousand costs a few
 * repeated lines, not the heap.
 */
final class IgnoredExtensions {
  private static final Logger LOG = LoggerFactory.getLogger(IgnoredExtensions.class);
  private final Cache<String, Boolean> warned = Caffeine.newBuilder().maximumSize(10_000).build();

  void ignored(StateShared log, String why) {
    if (warned.asMap().putIfAbsent(log.emitter(), Boolean.TRUE) == null) {
      LOG.warn("ignored StateShared from {} in transaction {} naming {}: {}",
          log.emitter(), log.txHash(), log.contract(), why);
    }
  }
}
