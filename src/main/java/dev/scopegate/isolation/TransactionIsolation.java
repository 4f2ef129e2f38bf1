package dev.scopegate.isolation;

import dev.scopegate.policy.Guard;
import dev.scopegate.policy.ResponseFilter;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of the isolation table for transactions and node accounts: which guard and which
 * response filter each method gets. {@link IsolationRules} takes them as they are.
 */
public final class TransactionIsolation {
  private TransactionIsolation() {}

  static Map<String, Guard> guards(GuardContext context, ReachCheck reach) {
    TransactionTrace trace = new TransactionTrace(reach);
    Guard nodeSent = new TransactionGuard(context, true, Optional.of(trace));
    Guard nodeSigned = new TransactionGuard(context, true, Optional.empty());
    return Map.ofEntries(
        Map.entry("eth_sendTransaction", nodeSent),
        Map.entry("eth_sendTransactionAsync", new CallbackRefusal(nodeSent)),
        Map.entry("personal_sendTransaction", nodeSent),
        Map.entry("personal_signAndSendTransaction", nodeSent),
        Map.entry("eth_signTransaction", nodeSigned),
        Map.entry("personal_signTransaction", nodeSigned),
        Map.entry("eth_fillTransaction", new TransactionGuard(context, false, Optional.empty())),
        Map.entry("eth_sendRawTransaction", new RawTransactionGuard(context, trace)),
        Map.entry("eth_sendRawPrivateTransaction", new RawPrivateTransactionGuard(context, trace)),
        Map.entry("eth_distributePrivateTransaction", new RawPrivateTransactionGuard(context, trace)),
        Map.entry("eth_sign", new AccountParamGuard(0)),
        Map.entry("personal_sign", new AccountParamGuard(1)),
        Map.entry("eth_accounts", Guard.NONE),
        Map.entry("personal_listAccounts", Guard.NONE));
  }

  public static Map<String, ResponseFilter> filters() {
    ResponseFilter accounts = new AccountsFilter();
    return Map.of("eth_accounts", accounts, "personal_listAccounts", accounts);
  }
}
