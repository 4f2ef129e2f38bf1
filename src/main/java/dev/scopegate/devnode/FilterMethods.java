package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;

/**
 * geth 1.9's polled filters: install ({@code eth_newFilter}, {@code eth_newBlockFilter}, {@code
 * eth_newPendingTransactionFilter}), poll ({@code eth_getFilterChanges}; {@code eth_getFilterLogs}
 * for a log filter, running its criteria as eth_getLogs would), remove ({@code
 * eth_uninstallFilter}: true when it existed). An unknown id is "filter not found". Any caller may
 * use any id: geth does not bind a filter to who made it.
 */
final class FilterMethods {
  private FilterMethods() {}

  static void register(MethodTable table, Chain chain, Filters filters) {
    table
        .add("eth_newFilter", 1, p -> TextNode.valueOf(newLogFilter(filters, p)))
        .add(
            "eth_newBlockFilter",
            0,
            p -> TextNode.valueOf(filters.install(Filters.Kind.BLOCKS, Optional.empty())))
        .add(
            "eth_newPendingTransactionFilter",
            0,
            p -> TextNode.valueOf(filters.install(Filters.Kind.TRANSACTIONS, Optional.empty())))
        .add("eth_getFilterChanges", 1, p -> filters.changes(id(p)))
        .add("eth_getFilterLogs", 1, p -> LogMethods.search(chain, filters.logQuery(id(p))))
        .add("eth_uninstallFilter", 1, p -> BooleanNode.valueOf(filters.uninstall(id(p))));
  }

  private static String newLogFilter(Filters filters, NodeParams params) {
    LogQuery query = params.get(0, FilterCriteria::decode);
    query.checkSubscribable();
    return filters.install(Filters.Kind.LOGS, Optional.of(query));
  }

  private static String id(NodeParams params) {
    return params.get(0, node -> NodeParams.text(node, "rpc.ID"));
  }
}
