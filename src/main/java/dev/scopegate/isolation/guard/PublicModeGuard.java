package dev.scopegate.isolation.guard;

import dev.scopegate.isolation.GuardContext;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.policy.Decision;
import dev.scopegate.policy.Guard;
import io.vertx.core.Future;

/**
 * A guard that protects private state only: on a node detected as having none ({@link
 * dev.scopegate.mode.NodeMode#PUBLIC}) the call is forwarded as sent — one forward, no pinning, no trace. Until the
 * mode is detected, and on a node with private state, the private-state guard decides.
 */
public final class PublicModeGuard implements Guard {
  private final GuardContext context;
  private final Guard privateState;

  private PublicModeGuard(GuardContext context, Guard privateState) {
    this.context = context;
    this.privateState = privateState;
  }

  public static Guard unlessPublic(GuardContext context, Guard privateState) {
    return new PublicModeGuard(context, privateState);
  }

  @Override
  public Future<Decision> check(Principal tenant, RpcRequest request) {
    if (context.resolver().publicMode()) {
      return Future.succeededFuture(Decision.forward(request));
    }
    return privateState.check(tenant, request);
  }
}
