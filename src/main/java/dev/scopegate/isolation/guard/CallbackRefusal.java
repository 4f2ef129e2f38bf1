package dev.scopegate.isolation.guard;

import dev.scopegate.codec.Params;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.policy.Decision;
import dev.scopegate.policy.Guard;
import io.vertx.core.Future;

/**
 * {@code eth_sendTransactionAsync} with a {@code callbackUrl}: the node would POST the outcome to
 * any URL the caller names, from inside the operator's network. Refused to tenants; without one the
 * call passes to {@code next}.
 */
public final class CallbackRefusal implements Guard {
  private final Guard next;

  public CallbackRefusal(Guard next) {
    this.next = next;
  }

  @Override
  public Future<Decision> check(Principal tenant, RpcRequest request) {
    try {
      if (TransactionArgs.of(Params.at(request, 0)).callbackUrl().isPresent()) {
        return Future.failedFuture(
            RpcError.NOT_AUTHORIZED.withData("callbackUrl is not available to tenants"));
      }
    } catch (RpcException invalid) {
      return Future.failedFuture(invalid);
    }
    return next.check(tenant, request);
  }
}
