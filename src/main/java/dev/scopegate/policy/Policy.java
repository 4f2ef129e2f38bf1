package dev.scopegate.policy;

import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.upstream.Answer;
import io.vertx.core.Future;

/**
 * Decides one call: operators pass unchanged; a tenant needs an {@code rpc://} grant for the
 * method and a table row that is not operator-only, and then passes the row's guard. A granted
 * method the table does not know is "method not found" (so clients tell unsupported from
 * forbidden), never forwarded.
 */
public final class Policy {
  private final PolicyTable table;

  public Policy(PolicyTable table) {
    this.table = table;
  }

  /** Whether the method has a row in the table (a method without one is refused to tenants). */
  public boolean knows(String method) {
    return table.entry(method).isPresent();
  }

  /** What to do with the call (forward, maybe rewritten; answer here), or a failure to answer with. */
  public Future<Decision> authorize(Principal principal, RpcRequest request) {
    if (principal.isOperator()) {
      return Future.succeededFuture(Decision.forward(request));
    }
    String method = request.method();
    if (!principal.mayCall(method)) {
      return Future.failedFuture(RpcError.ACCESS_DENIED.exception(method));
    }
    return table
        .entry(method)
        .map(entry -> entry.row().access() == Access.OPERATOR
            ? Future.<Decision>failedFuture(RpcError.ACCESS_DENIED.exception(method))
            : entry.guard().check(principal, request))
        .orElseGet(() -> Future.failedFuture(RpcError.METHOD_NOT_FOUND.exception(method)));
  }

  /** The node's answer as the principal may see it: operators unfiltered, tenants by the row. */
  public Future<Answer> filter(Principal principal, RpcRequest forwarded, Answer answer) {
    if (principal.isOperator()) {
      return Future.succeededFuture(answer);
    }
    return table
        .entry(forwarded.method())
        .map(entry -> entry.filter().filter(principal, forwarded, answer))
        .orElseGet(() -> Future.failedFuture(RpcError.NOT_AUTHORIZED.exception()));
  }
}
