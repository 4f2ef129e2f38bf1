package dev.scopegate.isolation;

import dev.scopegate.policy.Guard;
import dev.scopegate.policy.Isolation;
import dev.scopegate.policy.ResponseFilter;
import java.util.HashMap;
import java.util.Map;

/**
 * Which guard and which response filter each guarded method gets: the isolation half of the
 * policy table. A guarded method missing here stays refused to tenants.
 */
public final class IsolationRules {
  private IsolationRules() {}

  public static Isolation create(GuardContext context, FilterIds filterIds) {
    Map<String, Guard> guards = new HashMap<>();
    Map<String, ResponseFilter> filters = new HashMap<>();
    FilterRules.register(context, filterIds, guards, filters);
    guards.putAll(TransactionIsolation.guards(context));
    filters.putAll(TransactionIsolation.filters());
    stateReads(context, guards);
    execution(context, guards);
    privatePayloads(context, guards);
    guards.put("eth_subscribe", new SubscribeGuard());
    guards.put("eth_unsubscribe", Guard.NONE);
    return new Isolation(guards, filters);
  }

  /** Reads that GoQuorum answers from the private state first. */
  private static void stateReads(GuardContext c, Map<String, Guard> guards) {
    guards.put("eth_getBalance", StateReadGuard.answering(c, 1, "0x0"));
    guards.put("eth_getTransactionCount", StateReadGuard.answering(c, 1, "0x0"));
    guards.put("eth_getCode", StateReadGuard.answering(c, 1, "0x"));
    guards.put("eth_getStorageAt", StateReadGuard.answering(c, 2, StateReadGuard.ZERO_WORD));
    guards.put("eth_storageRoot", StateReadGuard.answering(c, 1, StateReadGuard.EMPTY_ROOT));
    guards.put("eth_getProof", StateReadGuard.refusing(c, 2));
  }

  /** Calls that execute code against public and private state. */
  private static void execution(GuardContext c, Map<String, Guard> guards) {
    for (String method : new String[] {"eth_call", "eth_estimateGas", "eth_createAccessList", "debug_traceCall"}) {
      guards.put(method, new ExecutionGuard(c, 1));
    }
  }

  /** Private payloads, the private side of transactions, and privacy metadata. */
  private static void privatePayloads(GuardContext c, Map<String, Guard> guards) {
    guards.put("eth_getQuorumPayload", new QuorumPayloadGuard(c, true));
    guards.put("eth_getQuorumPayloadExtra", new QuorumPayloadGuard(c, false));
    guards.put("eth_getPrivateTransactionByHash", PrivateTransactionGuard.answeringNull(c));
    // its answer, when forwarded, also passes the receipt filter (FilterRules)
    guards.put("eth_getPrivateTransactionReceipt", PrivateTransactionGuard.answeringNull(c));
    guards.put("debug_traceTransaction", PrivateTransactionGuard.refusing(c));
    guards.put("eth_getContractPrivacyMetadata", new MetadataGuard(c));
  }
}
