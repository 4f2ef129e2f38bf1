package dev.scopegate.isolation.guard;

import dev.scopegate.isolation.TenantIdentity;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.policy.Decision;
import dev.scopegate.policy.Guard;
import io.vertx.core.Future;

/**
 * Creating a filter ({@code eth_new*Filter}): only a tenant that can own one, so that the node is
 * not left holding filters no id could ever be issued for.
 */
public final class FilterOwnerGuard implements Guard {
  @Override
  public Future<Decision> check(Principal tenant, RpcRequest request) {
    return TenantIdentity.of(tenant).isPresent()
        ? Future.succeededFuture(Decision.forward(request))
        : Future.failedFuture(RpcError.NOT_AUTHORIZED.exception());
  }
}
