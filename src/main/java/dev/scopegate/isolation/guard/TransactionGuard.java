package dev.scopegate.isolation.guard;

import dev.scopegate.isolation.GuardContext;
import dev.scopegate.isolation.TenantGrants;
import dev.scopegate.codec.Params;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.policy.Decision;
import dev.scopegate.policy.Guard;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * Guards a method whose first param is GoQuorum's {@code SendTxArgs} ({@code eth_sendTransaction},
 * the {@code personal_} variants, signing, {@code eth_fillTransaction}). A private transaction must
 * name its {@code privateFrom} (multi-tenant GoQuorum requires it: otherwise the node picks its
 * default key, which may be another tenant's) and pass {@link TransactionRules}. A public one
 * passes its target check and, when the node signs it, the account must be the tenant's.
 */
public final class TransactionGuard implements Guard {
  private final TransactionRules rules;
  private final boolean signsWithNodeAccount;
  private final Optional<TransactionTrace> trace;

  /**
   * {@code signsWithNodeAccount}: the node signs with {@code from} (every method but {@code
   * eth_fillTransaction}, which only fills fields and, with {@code privateFor}, stores the
   * payload). {@code trace}: the method sends, so what the transaction would touch is traced first
   * (a transaction only signed is traced when it is sent raw).
   */
  public TransactionGuard(
      GuardContext context, boolean signsWithNodeAccount, Optional<TransactionTrace> trace) {
    this.rules = new TransactionRules(context);
    this.signsWithNodeAccount = signsWithNodeAccount;
    this.trace = trace;
  }

  @Override
  public Future<Decision> check(Principal tenant, RpcRequest request) {
    try {
      JsonNode args = Params.at(request, 0);
      return verdict(TenantGrants.of(tenant), TransactionArgs.of(args))
          .compose(ok -> trace.map(t -> t.check(tenant, TransactionTrace.asCall(args)))
              .orElseGet(Future::succeededFuture))
          .map(ok -> Decision.forward(request));
    } catch (RpcException invalid) {
      return Future.failedFuture(invalid);
    }
  }

  private Future<Void> verdict(TenantGrants grants, TransactionArgs args) {
    if (args.isPrivate()) {
      return args.privateFrom()
          .map(key -> rules.privateTransaction(grants, args.from(), args.to(), key))
          .orElseGet(() -> Future.failedFuture(RpcError.MISSING_PRIVATE_FROM.exception()));
    }
    if (signsWithNodeAccount && !grants.ownsAccount(args.from())) {
      return Future.failedFuture(RpcError.NOT_AUTHORIZED.exception());
    }
    return rules.publicTransaction(grants, args.to());
  }
}
