package dev.scopegate.policy;

import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcRequest;
import io.vertx.core.Future;

/**
 * Checks a tenant's call before it is forwarded: lets it through (maybe rewritten), answers it
 * locally, or refuses it with a failed future carrying an {@link dev.scopegate.jsonrpc.RpcException}.
 */
@FunctionalInterface
public interface Guard {
  Future<Decision> check(Principal tenant, RpcRequest request);

  /** Lets the call through unchanged. */
  Guard NONE = (tenant, request) -> Future.succeededFuture(Decision.forward(request));

  /** Refuses every tenant: the fail-closed guard for methods whose checks are not built yet. */
  Guard REFUSE = (tenant, request) -> Future.failedFuture(RpcError.NOT_AUTHORIZED.exception());
}
