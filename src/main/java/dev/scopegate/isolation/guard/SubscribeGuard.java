package dev.scopegate.isolation.guard;

import dev.scopegate.codec.Params;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.policy.Decision;
import dev.scopegate.policy.Guard;
import io.vertx.core.Future;
import java.util.Set;

/**
 * {@code eth_subscribe} for tenants: the kinds GoQuorum serves in the {@code eth} namespace.
 * {@code logs} notifications pass the same visibility rule as {@code eth_getLogs} on their way
 * out (the WebSocket transport applies it per notification).
 */
public final class SubscribeGuard implements Guard {
  private static final Set<String> KINDS = Set.of("newHeads", "logs", "newPendingTransactions", "syncing");

  @Override
  public Future<Decision> check(Principal tenant, RpcRequest request) {
    return Attempt.of(() -> {
      String kind = Params.text(Params.at(request, 0), "subscription name");
      if (!KINDS.contains(kind)) {
        throw RpcError.NOT_AUTHORIZED.withData("no \"" + kind + "\" subscription for tenants");
      }
      return Future.succeededFuture(Decision.forward(request));
    });
  }
}
