package dev.scopegate.upstream.ws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;

/** What identifies a log across a live notification and an {@code eth_getLogs} answer. */
final class LogId {
  private LogId() {}

  /** Its block number, when the log carries a readable one. */
  static Optional<Long> block(JsonNode log) {
    return quantity(log.get("blockNumber"));
  }

  /** {@code blockHash/logIndex}, when the log carries both. */
  static Optional<String> of(JsonNode log) {
    JsonNode hash = log.get("blockHash");
    Optional<Long> index = quantity(log.get("logIndex"));
    if (hash == null || !hash.isTextual() || index.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(hash.textValue().toLowerCase(Locale.ROOT) + "/" + index.get());
  }

  /** A log a reorg took back: always passed on, never counted as delivered. */
  static boolean removed(JsonNode log) {
    return log.path("removed").asBoolean(false);
  }

  static Optional<Long> quantity(JsonNode value) {
    if (value == null || !value.isTextual() || !value.textValue().startsWith("0x")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(value.textValue().substring(2), 16));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static String hex(long quantity) {
    return "0x" + Long.toHexString(quantity);
  }
}
