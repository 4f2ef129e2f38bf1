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
    return create(context, PrivacyFacts.of(context.resolver()), filterIds);
  }

  /** As {@link #create(GuardContext, FilterIds)}, the response filters asking {@code facts}. */
  public static Isolation create(GuardContext context, PrivacyFacts facts, FilterIds filterIds) {
    Map<String, Guard> guards = new HashMap<>();
    Map<String, ResponseFilter> filters = new HashMap<>();
    FilterRules.register(facts, filterIds, guards, filters);
    ReachCheck reach = new ReachCheck(context);
    guards.putAll(TransactionIsolation.guards(context, reach));
    filters.putAll(TransactionIsolation.filters());
    Map<String, Guard> privateState = new HashMap<>();
    stateReads(context, privateState);
    execution(reach, privateState);
    privatePayloads(context, reach, privateState);
    privateState.forEach((method, guard) -> guards.put(method, PublicModeGuard.unlessPublic(context, guard)));
    filters.put("eth_blockNumber", new HeadSeenFilter(context.pinner(), ResponseFilter.NONE));
    filters.computeIfPresent("eth_getTransactionReceipt", (m, receipts) -> new HeadSeenFilter(context.pinner(), receipts));
    guards.put("eth_subscribe", new SubscribeGuard());
    guards.put("eth_unsubscribe", Guard.NONE);
    return new Isolation(guards, filters);
  }

  /** Reads that GoQuorum answers from the private state first. */
  private static void stateReads(GuardContext c, Map<String, Guard> guards) {
    guards.put("eth_getBalance", StateReadGuard.accountRead(c, 1, "0x0"));
    guards.put("eth_getTransactionCount", StateReadGuard.accountRead(c, 1, "0x0"));
    guards.put("eth_getCode", StateReadGuard.answering(c, 1, "0x"));
    guards.put("eth_getStorageAt", StateReadGuard.answering(c, 2, StateReadGuard.ZERO_WORD));
    guards.put("eth_storageRoot", StateReadGuard.answering(c, 1, StateReadGuard.EMPTY_ROOT));
    guards.put("eth_getProof", StateReadGuard.refusing(c, 2));
  }

  /** Calls that execute code against public and private state. */
  private static void execution(ReachCheck reach, Map<String, Guard> guards) {
    guards.put("eth_call", new ExecutionGuard(reach, 1, CallOverrides::ofCall));
    guards.put("eth_estimateGas", new ExecutionGuard(reach, 1, CallOverrides::ofEstimate));
    guards.put("eth_createAccessList", new ExecutionGuard(reach, 1, CallOverrides::ofEstimate));
    guards.put("debug_traceCall", new ExecutionGuard(reach, 1, CallOverrides::ofTraceConfig));
  }

  /** Private payloads, the private side of transactions, and privacy metadata. */
  private static void privatePayloads(GuardContext c, ReachCheck reach, Map<String, Guard> guards) {
    guards.put("eth_getQuorumPayload", new QuorumPayloadGuard(c, true));
    guards.put("eth_getQuorumPayloadExtra", new QuorumPayloadGuard(c, false));
    guards.put("eth_getPrivateTransactionByHash", PrivateTransactionGuard.answeringNull(c));
    // its answer, when forwarded, also passes the receipt filter (FilterRules)
    guards.put("eth_getPrivateTransactionReceipt", PrivateTransactionGuard.answeringNull(c));
    Guard traceTransaction = new TraceTransactionGuard(PrivateTransactionGuard.refusing(c), reach);
    guards.put("debug_traceTransaction", traceTransaction);
    // Parity-style traces of one transaction (Besu, Erigon, anvil): the same rule as GoQuorum's
    guards.put("trace_transaction", traceTransaction);
    guards.put("trace_replayTransaction", traceTransaction);
    guards.put("eth_getContractPrivacyMetadata", new MetadataGuard(c));
  }
}
