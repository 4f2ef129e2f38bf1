package dev.scopegate.isolation;

import dev.scopegate.policy.Guard;
import dev.scopegate.policy.ResponseFilter;
import java.util.Map;

/**
 * The rows for receipts, logs and filters: the guard and the response filter of each method.
 * Methods whose whole answer a filter narrows need no check before they are forwarded ({@link
 * Guard#NONE}); uninstalling answers only {@code true}/{@code false}, which needs no filter.
 */
public final class FilterRules {
  private FilterRules() {}

  public static void register(
      GuardContext context, FilterIds ids, Map<String, Guard> guards, Map<String, ResponseFilter> filters) {
    register(PrivacyFacts.of(context.resolver()), ids, guards, filters);
  }

  public static void register(
      PrivacyFacts facts, FilterIds ids, Map<String, Guard> guards, Map<String, ResponseFilter> filters) {
    ResponseFilter receipts = new ReceiptFilter(facts);
    ResponseFilter logs = new LogsFilter(facts);
    ResponseFilter issuer = new FilterIdIssuer(ids);
    Guard owner = new FilterOwnerGuard();
    Guard use = FilterIdGuard.forUse(ids);
    Rows rows = new Rows(guards, filters);

    rows.add("eth_getTransactionReceipt", Guard.NONE, receipts);
    rows.add("eth_getPrivateTransactionReceipt", Guard.NONE, receipts);
    rows.add("eth_getBlockReceipts", Guard.NONE, new BlockReceiptsFilter(receipts));
    rows.add("eth_getLogs", Guard.NONE, logs);
    rows.add("eth_newFilter", owner, issuer);
    rows.add("eth_newBlockFilter", owner, issuer);
    rows.add("eth_newPendingTransactionFilter", owner, issuer);
    rows.add("eth_getFilterChanges", use, logs);
    rows.add("eth_getFilterLogs", use, logs);
    rows.add("eth_uninstallFilter", FilterIdGuard.forUninstall(ids), ResponseFilter.NONE);
  }

  private record Rows(Map<String, Guard> guards, Map<String, ResponseFilter> filters) {
    void add(String method, Guard guard, ResponseFilter filter) {
      guards.put(method, guard);
      filters.put(method, filter);
    }
  }
}
