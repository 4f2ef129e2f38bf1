package dev.scopegate.policy;

import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcRequest;
import io.vertx.core.Future;

/**
 * Checks a tenant's call before it is forwarded, and may rewrite it (pin a block, narrow a
 * list). Fails with an {@link dev.scopegate.jsonrpc.RpcException} to refuse.
 */
@FunctionalInterface
public interface Guard {
  Future<RpcRequest> check(Principal tenant, RpcRequest request);

  /** Lets the call through unchanged. */
  Guard NONE = (tenant, request) -> Future.succeededFuture(request);

  /** Refuses every tenant: the fail-closed guard for methods whose checks are not built yet. */
  Guard REFUSE = (tenant, request) -> Future.failedFuture(RpcError.NOT_AUTHORIZED.exception());
}
