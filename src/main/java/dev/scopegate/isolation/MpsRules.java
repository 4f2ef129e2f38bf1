package dev.scopegate.isolation;

import dev.scopegate.policy.Guard;
import dev.scopegate.policy.Isolation;
import dev.scopegate.policy.ResponseFilter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The isolation half of the policy table on a node with multiple private states. The node keeps
 * each PSI's private state apart and serves every call from the PSI it is routed to (state reads,
 * calls, receipts, logs, filters, subscriptions, traces), so Scopegate neither indexes nor filters
 * them; it limits what the node would do with its shared accounts. Methods not listed here stay
 * refused to tenants (fail closed): private payload reads and decryption, resending and listing
 * pending transactions of node accounts, and contract extensions. Subscriptions go to the PSI's
 * own shared socket (the WebSocket transport routes them at the upgrade).
 */
public final class MpsRules {
  private MpsRules() {}

  /** Served by the node from the routed PSI; nothing to add. */
  private static final List<String> NODE_ISOLATES = List.of(
      "eth_getTransactionReceipt", "eth_getBalance", "eth_getCode", "eth_getStorageAt",
      "eth_getTransactionCount", "eth_getProof", "eth_storageRoot", "eth_getContractPrivacyMetadata",
      "eth_call", "eth_estimateGas", "eth_createAccessList", "eth_getLogs",
      "eth_getPrivateTransactionByHash", "eth_getPrivateTransactionReceipt",
      "eth_getPSI", "debug_traceTransaction", "debug_traceBlockByNumber", "debug_traceBlockByHash",
      "debug_traceBlock", "debug_traceCall");

  /** {@code filterIds}: filter ids stay bound to their tenant, and to the PSI they were made in. */
  public static Isolation create(FilterIds filterIds) {
    Map<String, Guard> guards = new HashMap<>();
    Map<String, ResponseFilter> filters = new HashMap<>();
    NODE_ISOLATES.forEach(m -> guards.put(m, Guard.NONE));
    filterIds(filterIds, guards, filters);
    Guard nodeSigned = NodeAccountGuard.fromTransaction(0);
    for (String m : List.of("eth_sendTransaction", "personal_sendTransaction",
        "personal_signAndSendTransaction", "eth_signTransaction", "personal_signTransaction",
        "eth_fillTransaction")) {
      guards.put(m, nodeSigned);
    }
    guards.put("eth_sendTransactionAsync", new CallbackRefusal(nodeSigned));
    guards.put("eth_sign", NodeAccountGuard.param(0));
    guards.put("personal_sign", NodeAccountGuard.param(1));
    Guard selfSigned = new SelfAccountGuard();
    for (String m : List.of("eth_sendRawTransaction", "eth_sendRawPrivateTransaction",
        "eth_distributePrivateTransaction")) {
      guards.put(m, selfSigned);
    }
    guards.put("eth_subscribe", new SubscribeGuard());
    guards.put("eth_unsubscribe", Guard.NONE);
    guards.put("eth_accounts", Guard.NONE);
    guards.put("personal_listAccounts", Guard.NONE);
    ResponseFilter accounts = new NodeAccountsFilter();
    filters.put("eth_accounts", accounts);
    filters.put("personal_listAccounts", accounts);
    return new Isolation(guards, filters);
  }

  /** As with one private state ({@link FilterRules}), less the log filtering the node does itself. */
  private static void filterIds(FilterIds ids, Map<String, Guard> guards, Map<String, ResponseFilter> filters) {
    ResponseFilter issuer = new FilterIdIssuer(ids);
    Guard owner = new FilterOwnerGuard();
    for (String m : List.of("eth_newFilter", "eth_newBlockFilter", "eth_newPendingTransactionFilter")) {
      guards.put(m, owner);
      filters.put(m, issuer);
    }
    Guard use = FilterIdGuard.forUse(ids);
    guards.put("eth_getFilterChanges", use);
    guards.put("eth_getFilterLogs", use);
    guards.put("eth_uninstallFilter", FilterIdGuard.forUninstall(ids));
  }
}
