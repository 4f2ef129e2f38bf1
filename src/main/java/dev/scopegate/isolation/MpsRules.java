package dev.scopegate.isolation;

import dev.scopegate.isolation.guard.CallbackRefusal;
import dev.scopegate.isolation.guard.FilterIdGuard;
import dev.scopegate.isolation.filter.FilterIdIssuer;
import dev.scopegate.isolation.guard.FilterOwnerGuard;
import dev.scopegate.isolation.guard.NodeAccountGuard;
import dev.scopegate.isolation.filter.NodeAccountsFilter;
import dev.scopegate.isolation.guard.SelfAccountGuard;
import dev.scopegate.isolation.guard.SubscribeGuard;
import dev.scopegate.policy.Guard;
import dev.scopegate.policy.Isolation;
import dev.scopegate.policy.ResponseFilter;

/**
 * What each guard and filter kind of the policy table is on a node with multiple private states.
 * The node keeps each PSI's private state apart and serves every call from the PSI it is routed to
 * (state reads, calls, receipts, logs, filters, subscriptions, traces), so Scopegate neither
 * indexes nor filters them; it limits what the node would do with its shared accounts. Refused to
 * tenants (fail closed): private payload reads and decryption, Parity-style traces, a block's
 * receipts, and what the table refuses anyway. Subscriptions go to the PSI's own shared socket
 * (the WebSocket transport routes them at the upgrade).
 */
public final class MpsRules {
  private MpsRules() {}

  /** {@code filterIds}: filter ids stay bound to their tenant, and to the PSI they were made in. */
  public static Isolation create(FilterIds filterIds) {
    Guard nodeSigned = NodeAccountGuard.fromTransaction(0);
    return Isolation.of(
        kind -> switch (kind) {
          // served by the node from the routed PSI: nothing to add
          case NONE, ACCOUNT_STATE, CODE, STORAGE, STORAGE_ROOT, PROOF, CALL, ESTIMATE, TRACE_CALL,
              PRIVATE_TRANSACTION, PRIVACY_METADATA, TRACE_TRANSACTION, BLOCK_TRACE, PSI -> Guard.NONE;
          case REFUSE, QUORUM_PAYLOAD, QUORUM_PAYLOAD_EXTRA, PARITY_TRACE_TRANSACTION, BLOCK_RECEIPTS ->
              Guard.REFUSE;
          case FILTER_OWNER -> new FilterOwnerGuard();
          case FILTER_ID_USE -> FilterIdGuard.forUse(filterIds);
          case FILTER_ID_UNINSTALL -> FilterIdGuard.forUninstall(filterIds);
          case SUBSCRIBE -> new SubscribeGuard();
          case NODE_SENT, NODE_SIGNED, FILL -> nodeSigned;
          case NODE_SENT_NO_CALLBACK -> new CallbackRefusal(nodeSigned);
          case RAW_TRANSACTION, RAW_PRIVATE_TRANSACTION -> new SelfAccountGuard();
          case ACCOUNT_AT_0 -> NodeAccountGuard.param(0);
          case ACCOUNT_AT_1 -> NodeAccountGuard.param(1);
        },
        kind -> switch (kind) {
          // the node filters receipts and logs by PSI itself
          case NONE, SEEN_HEAD, RECEIPT, RECEIPT_SEEN_HEAD, BLOCK_RECEIPTS, LOGS -> ResponseFilter.NONE;
          case FILTER_ID_ISSUE -> new FilterIdIssuer(filterIds);
          case ACCOUNTS -> new NodeAccountsFilter();
        });
  }
}
