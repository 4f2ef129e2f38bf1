package dev.scopegate.isolation.guard;

import dev.scopegate.codec.Params;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.policy.Decision;
import dev.scopegate.policy.Guard;
import io.vertx.core.Future;
import java.util.function.Function;

/**
 * Multiple private states: a call the node signs with one of its accounts passes only when the
 * token's {@code psi://} grant for the routed PSI names that account in {@code node.eoa} (GoQuorum
 * {@code multitenancy.IsAuthorized} with {@code WithNodeEOA}, internal/ethapi/api.go
 * {@code SubmitTransaction}). GoQuorum checks private transactions only; Scopegate checks every one
 * a node account signs, since those accounts are shared by every tenant of the node.
 */
public final class NodeAccountGuard implements Guard {
  private final Function<RpcRequest, String> account;

  private NodeAccountGuard(Function<RpcRequest, String> account) {
    this.account = account;
  }

  /** The account is the {@code from} of the transaction object at {@code index}. */
  public static NodeAccountGuard fromTransaction(int index) {
    return new NodeAccountGuard(r -> TransactionArgs.of(Params.at(r, index)).from());
  }

  /** The account is the param at {@code index} ({@code eth_sign}: 0, {@code personal_sign}: 1). */
  public static NodeAccountGuard param(int index) {
    return new NodeAccountGuard(r -> Params.address(Params.at(r, index), "account"));
  }

  @Override
  public Future<Decision> check(Principal tenant, RpcRequest request) {
    try {
      String from = account.apply(request);
      boolean allowed = tenant.psi().map(psi -> tenant.psiGrants().mayUseNodeAccount(psi, from)).orElse(false);
      return allowed
          ? Future.succeededFuture(Decision.forward(request))
          : Future.failedFuture(RpcError.NOT_AUTHORIZED.exception());
    } catch (RpcException invalid) {
      return Future.failedFuture(invalid);
    }
  }
}
