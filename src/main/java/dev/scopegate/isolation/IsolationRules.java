package dev.scopegate.isolation;

import dev.scopegate.isolation.guard.AccountParamGuard;
import dev.scopegate.isolation.filter.AccountsFilter;
import dev.scopegate.isolation.filter.BlockReceiptsFilter;
import dev.scopegate.isolation.guard.CallOverrides;
import dev.scopegate.isolation.guard.CallbackRefusal;
import dev.scopegate.isolation.guard.ExecutionGuard;
import dev.scopegate.isolation.guard.FilterIdGuard;
import dev.scopegate.isolation.filter.FilterIdIssuer;
import dev.scopegate.isolation.guard.FilterOwnerGuard;
import dev.scopegate.isolation.filter.HeadSeenFilter;
import dev.scopegate.isolation.filter.LogsFilter;
import dev.scopegate.isolation.guard.MetadataGuard;
import dev.scopegate.isolation.guard.PrivateTransactionGuard;
import dev.scopegate.isolation.guard.PublicModeGuard;
import dev.scopegate.isolation.guard.QuorumPayloadGuard;
import dev.scopegate.isolation.guard.RawPrivateTransactionGuard;
import dev.scopegate.isolation.guard.RawTransactionGuard;
import dev.scopegate.isolation.guard.ReachCheck;
import dev.scopegate.isolation.filter.ReceiptFilter;
import dev.scopegate.isolation.guard.StateReadGuard;
import dev.scopegate.isolation.guard.SubscribeGuard;
import dev.scopegate.isolation.guard.TraceTransactionGuard;
import dev.scopegate.isolation.guard.TransactionGuard;
import dev.scopegate.isolation.guard.TransactionTrace;
import dev.scopegate.policy.FilterKind;
import dev.scopegate.policy.Guard;
import dev.scopegate.policy.GuardKind;
import dev.scopegate.policy.Isolation;
import dev.scopegate.policy.ResponseFilter;
import java.util.Optional;

/**
 * What each guard and filter kind of the policy table is on a node with one private state (or
 * none): Scopegate checks every call against the privacy index and the node's traces. Guards of
 * private state pass unchecked on a node detected as having none ({@link PublicModeGuard}).
 */
public final class IsolationRules {
  private IsolationRules() {}

  public static Isolation create(GuardContext context, FilterIds filterIds) {
    return create(context, PrivacyFacts.of(context.resolver()), filterIds);
  }

  /** As {@link #create(GuardContext, FilterIds)}, the response filters asking {@code facts}. */
  public static Isolation create(GuardContext context, PrivacyFacts facts, FilterIds filterIds) {
    ReachCheck reach = new ReachCheck(context);
    TransactionTrace trace = new TransactionTrace(reach);
    Guard nodeSent = new TransactionGuard(context, true, Optional.of(trace));
    Guard traceTransaction = privateState(context,
        new TraceTransactionGuard(PrivateTransactionGuard.refusing(context), reach));
    ResponseFilter receipts = new ReceiptFilter(facts);
    return Isolation.of(
        kind -> switch (kind) {
          case NONE, BLOCK_RECEIPTS -> Guard.NONE; // a block's receipts: the filter does it
          case REFUSE, BLOCK_TRACE, PSI -> Guard.REFUSE;
          case FILTER_OWNER -> new FilterOwnerGuard();
          case FILTER_ID_USE -> FilterIdGuard.forUse(filterIds);
          case FILTER_ID_UNINSTALL -> FilterIdGuard.forUninstall(filterIds);
          case SUBSCRIBE -> new SubscribeGuard();
          case ACCOUNT_STATE -> privateState(context, StateReadGuard.accountRead(context, 1, "0x0"));
          case CODE -> privateState(context, StateReadGuard.answering(context, 1, "0x"));
          case STORAGE -> privateState(context,
              StateReadGuard.answering(context, 2, StateReadGuard.ZERO_WORD));
          case STORAGE_ROOT -> privateState(context,
              StateReadGuard.answering(context, 1, StateReadGuard.EMPTY_ROOT));
          case PROOF -> privateState(context, StateReadGuard.refusing(context, 2));
          case CALL -> privateState(context, new ExecutionGuard(reach, 1, CallOverrides::ofCall));
          case ESTIMATE -> privateState(context, new ExecutionGuard(reach, 1, CallOverrides::ofEstimate));
          case TRACE_CALL -> privateState(context,
              new ExecutionGuard(reach, 1, CallOverrides::ofTraceConfig));
          case QUORUM_PAYLOAD -> privateState(context, new QuorumPayloadGuard(context, true));
          case QUORUM_PAYLOAD_EXTRA -> privateState(context, new QuorumPayloadGuard(context, false));
          case PRIVATE_TRANSACTION -> privateState(context, PrivateTransactionGuard.answeringNull(context));
          case PRIVACY_METADATA -> privateState(context, new MetadataGuard(context));
          // Parity-style traces of one transaction (Besu, Erigon, anvil): GoQuorum's rule
          case TRACE_TRANSACTION, PARITY_TRACE_TRANSACTION -> traceTransaction;
          case NODE_SENT -> nodeSent;
          case NODE_SENT_NO_CALLBACK -> new CallbackRefusal(nodeSent);
          case NODE_SIGNED -> new TransactionGuard(context, true, Optional.empty());
          case FILL -> new TransactionGuard(context, false, Optional.empty());
          case RAW_TRANSACTION -> new RawTransactionGuard(context, trace);
          case RAW_PRIVATE_TRANSACTION -> new RawPrivateTransactionGuard(context, trace);
          case ACCOUNT_AT_0 -> new AccountParamGuard(0);
          case ACCOUNT_AT_1 -> new AccountParamGuard(1);
        },
        kind -> switch (kind) {
          case NONE -> ResponseFilter.NONE;
          case SEEN_HEAD -> new HeadSeenFilter(context.pinner(), ResponseFilter.NONE);
          case RECEIPT -> receipts;
          case RECEIPT_SEEN_HEAD -> new HeadSeenFilter(context.pinner(), receipts);
          case BLOCK_RECEIPTS -> new BlockReceiptsFilter(receipts);
          case LOGS -> new LogsFilter(facts);
          case FILTER_ID_ISSUE -> new FilterIdIssuer(filterIds);
          case ACCOUNTS -> new AccountsFilter();
        });
  }

  /** A guard of private state: on a node without any, the call passes as sent. */
  private static Guard privateState(GuardContext context, Guard guard) {
    return PublicModeGuard.unlessPublic(context, guard);
  }
}
