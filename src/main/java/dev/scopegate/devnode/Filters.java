package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scopegate.jsonrpc.Json;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The node's installed filters and what each has gathered since it was last polled: new blocks'
 * hashes, the hashes of transactions as they enter the pool (with instamine, as they are mined), or
 * the logs of new blocks that match (private ones included), and on a reorganisation the dropped
 * blocks' matching logs again with {@code removed: true}. Ids are geth's {@code rpc.NewID}: 16
 * random bytes in hex, leading zeros dropped. Filters do not expire (geth drops one after five
 * minutes without a poll).
 */
final class Filters implements ChainListener {
  enum Kind {
    LOGS,
    BLOCKS,
    TRANSACTIONS
  }

  private record Filter(Kind kind, Optional<LogQuery> query, List<JsonNode> gathered) {}

  private final Map<String, Filter> filters = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  String install(Kind kind, Optional<LogQuery> query) {
    String id = newId();
    filters.put(id, new Filter(kind, query, new ArrayList<>()));
    return id;
  }

  /** What the filter gathered since the last poll, now forgotten. */
  ArrayNode changes(String id) {
    Filter filter = filters.get(id);
    if (filter == null) {
      throw NodeError.FILTER_NOT_FOUND.exception();
    }
    ArrayNode changes = Json.MAPPER.createArrayNode();
    synchronized (filter) {
      changes.addAll(filter.gathered());
      filter.gathered().clear();
    }
    return changes;
  }

  /** The criteria of a log filter; any other id is not found. */
  LogQuery logQuery(String id) {
    Filter filter = filters.get(id);
    if (filter == null || filter.kind() != Kind.LOGS) {
      throw NodeError.FILTER_NOT_FOUND.exception();
    }
    return filter.query().orElseThrow();
  }

  boolean uninstall(String id) {
    return filters.remove(id) != null;
  }

  @Override
  public void added(Block block) {
    List<ObjectNode> logs = logsIfWanted(block);
    filters.values().forEach(filter -> gather(filter, block, logs, false));
  }

  @Override
  public void removed(Block block) {
    List<ObjectNode> logs = logsIfWanted(block);
    filters.values().stream()
        .filter(filter -> filter.kind() == Kind.LOGS)
        .forEach(filter -> gather(filter, block, logs, true));
  }

  /** Rendering a block's logs costs; bulk generation mines many blocks nobody filters. */
  private List<ObjectNode> logsIfWanted(Block block) {
    boolean wanted = filters.values().stream().anyMatch(filter -> filter.kind() == Kind.LOGS);
    return wanted ? NodeLogs.of(block) : List.of();
  }

  private static void gather(Filter filter, Block block, List<ObjectNode> logs, boolean removed) {
    List<JsonNode> found = new ArrayList<>();
    switch (filter.kind()) {
      case BLOCKS -> found.add(TextNode.valueOf(block.hash().hex()));
      case TRANSACTIONS ->
          block.transactions().forEach(tx -> found.add(TextNode.valueOf(tx.hash().hex())));
      case LOGS -> {
        LogQuery query = filter.query().orElseThrow();
        if (query.covers(block.number())) {
          logs.stream()
              .filter(query::matches)
              .forEach(log -> found.add(log.deepCopy().put("removed", removed)));
        }
      }
    }
    synchronized (filter) {
      filter.gathered().addAll(found);
    }
  }

  private String newId() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    String digits = HexFormat.of().formatHex(bytes).replaceFirst("^0+", "");
    return "0x" + (digits.isEmpty() ? "0" : digits);
  }
}
