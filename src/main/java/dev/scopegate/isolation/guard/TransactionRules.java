package dev.scopegate.isolation.guard;

import dev.scopegate.isolation.GuardContext;
import dev.scopegate.isolation.Party;
import dev.scopegate.isolation.TenantGrants;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.privacy.ContractPrivacy;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * The decision for one transaction, once its sending account, target and key are established.
 * Private: no target is a creation ({@link TenantGrants#mayCreate}); a target is a write, allowed
 * when the key has write rights and the target is public or a private contract the tenant may write
 * ({@link TenantGrants#mayWrite}). Public: it runs against the public state only, so the one
 * concern is probing; a private target must have one of the tenant's keys among its parties.
 */
public final class TransactionRules {
  private final GuardContext context;

  public TransactionRules(GuardContext context) {
    this.context = context;
  }

  public Future<Void> privateTransaction(
      TenantGrants grants, String account, Optional<String> to, String key) {
    if (to.isEmpty()) {
      return verdict(grants.mayCreate(account, key));
    }
    if (!grants.mayWrite(account, key, ContractPrivacy.PUBLIC)) {
      return verdict(false); // the key cannot write at all: no need to ask about the target
    }
    return target(to.get()).compose(t -> verdict(grants.mayWrite(account, key, t)));
  }

  public Future<Void> publicTransaction(TenantGrants grants, Optional<String> to) {
    return to.map(address -> target(address).compose(t -> verdict(Party.SENDER.is(grants, t))))
        .orElseGet(Future::succeededFuture);
  }

  /** The target as of the node's head, the block the transaction will execute on top of. */
  private Future<ContractPrivacy> target(String address) {
    if (context.resolver().publicMode()) {
      return Future.succeededFuture(ContractPrivacy.PUBLIC); // no private state: nothing to pin for
    }
    return context
        .pinner()
        .pin(null)
        .recover(TransactionRules::unavailable)
        .compose(block -> context.resolver().contract(address, block));
  }

  private static Future<Void> verdict(boolean allowed) {
    return allowed
        ? Future.succeededFuture()
        : Future.failedFuture(RpcError.NOT_AUTHORIZED.exception());
  }

  public static <T> Future<T> unavailable(Throwable cause) {
    return Future.failedFuture(
        cause instanceof RpcException known ? known : RpcError.PRIVACY_UNAVAILABLE.exception());
  }
}
