package dev.scopegate.policy;

import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcRequest;
import io.vertx.core.Future;

/**
 * Decides one call: operators pass unchanged; a tenant needs an {@code rpc://} grant for the
 * method and a table row that is not operator-only, and then passes the row's guard.
 */
public final class Policy {
  private final PolicyTable table;

  public Policy(PolicyTable table) {
    this.table = table;
  }

  /** The request to forward (possibly rewritten by a guard), or a failure to answer with. */
  public Future<RpcRequest> authorize(Principal principal, RpcRequest request) {
    if (principal.isOperator()) {
      return Future.succeededFuture(request);
    }
    String method = request.method();
    return table
        .rule(method)
        .filter(rule -> rule.access() != Access.OPERATOR && principal.mayCall(method))
        .map(rule -> rule.guard().check(principal, request))
        .orElseGet(() -> Future.failedFuture(RpcError.ACCESS_DENIED.exception(method)));
  }
}
