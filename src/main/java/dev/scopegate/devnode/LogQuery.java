package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * What logs a query or filter wants (geth 1.9's {@code FilterCriteria}, decoded by {@link
 * FilterCriteria}): a block hash, or a range ({@code fromBlock}, {@code toBlock}; -1 latest, -2
 * pending, absent latest), addresses (none: any) and topics by position (an empty list: any; else
 * any of them).
 */
record LogQuery(
    Optional<Hash> blockHash,
    Optional<Long> from,
    Optional<Long> to,
    List<Address> addresses,
    List<List<Hash>> topics) {
  static final long LATEST = -1;
  static final long PENDING = -2;

  /** Whether a rendered log has one of the addresses and the topics asked for. */
  boolean matches(JsonNode log) {
    String address = log.get("address").asText();
    if (!addresses.isEmpty() && addresses.stream().noneMatch(a -> a.hex().equals(address))) {
      return false;
    }
    JsonNode logTopics = log.get("topics");
    if (topics.size() > logTopics.size()) {
      return false;
    }
    for (int i = 0; i < topics.size(); i++) {
      String topic = logTopics.get(i).asText();
      if (!topics.get(i).isEmpty()
          && topics.get(i).stream().noneMatch(t -> t.hex().equals(topic))) {
        return false;
      }
    }
    return true;
  }

  /** Whether a new block's number is within the range, as a filter checks what it is sent. */
  boolean covers(long blockNumber) {
    long first = from.orElse(LATEST);
    long last = to.orElse(LATEST);
    return !(first >= 0 && first > blockNumber) && !(last >= 0 && last < blockNumber);
  }

  /** The ranges geth 1.9's {@code SubscribeLogs} accepts for a filter; others are refused. */
  void checkSubscribable() {
    long first = from.orElse(LATEST);
    long last = to.orElse(LATEST);
    boolean pendingOnly = first == PENDING && last == PENDING;
    boolean live = first == LATEST && last == LATEST;
    boolean range = first >= 0 && last >= 0 && last >= first;
    boolean withPending = first >= LATEST && last == PENDING;
    boolean fromNumber = first >= 0 && last == LATEST;
    if (!(pendingOnly || live || range || withPending || fromNumber)) {
      throw NodeError.BLOCK_RANGE.exception();
    }
  }
}
