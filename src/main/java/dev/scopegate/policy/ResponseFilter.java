package dev.scopegate.policy;

import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.upstream.Answer;
import io.vertx.core.Future;

/**
 * Shapes the node's answer to a tenant's call into what the tenant may see (drops logs of
 * contracts it is not party to, blanks receipts of private transactions, …). {@code request} is
 * the call as forwarded. A failure answers the call with its error instead.
 */
@FunctionalInterface
public interface ResponseFilter {
  Future<Answer> filter(Principal tenant, RpcRequest request, Answer answer);

  ResponseFilter NONE = (tenant, request, answer) -> Future.succeededFuture(answer);
}
