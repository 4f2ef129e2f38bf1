package dev.scopegate.isolation;

import dev.scopegate.policy.Guard;
import dev.scopegate.policy.ResponseFilter;
import java.util.Map;

/**
 * The rows of the isolation table for transactions and node accounts: which guard and which
 * response filter each method gets. {@link IsolationRules} takes them as they are.
 */
public final class TransactionIsolation {
  private TransactionIsolation() {}

  public static Map<String, Guard> guards(GuardContext context) {
    Guard nodeSigned = new TransactionGuard(context, true);
    return Map.ofEntries(
        Map.entry("eth_sendTransaction", nodeSigned),
        Map.entry("eth_sendTransactionAsync", new CallbackRefusal(nodeSigned)),
        Map.entry("personal_sendTransaction", nodeSigned),
        Map.entry("personal_signAndSendTransaction", nodeSigned),
        Map.entry("eth_signTransaction", nodeSigned),
        Map.entry("personal_signTransaction", nodeSigned),
        Map.entry("eth_fillTransaction", new TransactionGuard(context, false)),
        Map.entry("eth_sendRawTransaction", new RawTransactionGuard(context)),
        Map.entry("eth_sendRawPrivateTransaction", new RawPrivateTransactionGuard(context)),
        Map.entry("eth_distributePrivateTransaction", new RawPrivateTransactionGuard(context)),
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
