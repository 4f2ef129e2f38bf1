package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.scopegate.jsonrpc.Json;

/**
 * {@code eth_getLogs} as geth 1.9 answers it: one block by hash ("unknown block" when the chain has
 * none), or the range from {@code fromBlock} to {@code toBlock}, latest (and pending: nothing waits
 * to be mined) meaning the head, stopping at the head; an empty list rather than null. Private logs
 * are among them ({@link NodeLogs}).
 */
final class LogMethods {
  private LogMethods() {}

  static void register(MethodTable table, Chain chain) {
    table.add("eth_getLogs", 1, p -> search(chain, p.get(0, FilterCriteria::decode)));
  }

  static ArrayNode search(Chain chain, LogQuery query) {
    ArrayNode found = Json.MAPPER.createArrayNode();
    if (query.blockHash().isPresent()) {
      Block block =
          chain.block(query.blockHash().get()).orElseThrow(NodeError.UNKNOWN_BLOCK::exception);
      collect(block, query, found);
      return found;
    }
    long head = chain.head().number();
    long first = resolve(query.from().orElse(LogQuery.LATEST), head);
    long last = Math.min(resolve(query.to().orElse(LogQuery.LATEST), head), head);
    for (long number = first; number <= last; number++) {
      chain.block(number).ifPresent(block -> collect(block, query, found));
    }
    return found;
  }

  private static void collect(Block block, LogQuery query, ArrayNode found) {
    NodeLogs.of(block).stream().filter(query::matches).forEach(found::add);
  }

  private static long resolve(long number, long head) {
    return number < 0 ? head : number;
  }
}
