package dev.scopegate.isolation.guard;

import dev.scopegate.isolation.TenantGrants;
import dev.scopegate.codec.Params;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.policy.Decision;
import dev.scopegate.policy.Guard;
import io.vertx.core.Future;

/**
 * A method that signs with the node account named by one param ({@code eth_sign}: the first, {@code
 * personal_sign}: the second): the account must be one the tenant may act as.
 */
public final class AccountParamGuard implements Guard {
  private final int index;

  public AccountParamGuard(int index) {
    this.index = index;
  }

  @Override
  public Future<Decision> check(Principal tenant, RpcRequest request) {
    try {
      String account = Params.address(Params.at(request, index), "account");
      return TenantGrants.of(tenant).ownsAccount(account)
          ? Future.succeededFuture(Decision.forward(request))
          : Future.failedFuture(RpcError.NOT_AUTHORIZED.exception());
    } catch (RpcException invalid) {
      return Future.failedFuture(invalid);
    }
  }
}
