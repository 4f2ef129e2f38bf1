package dev.scopegate.isolation.filter;

import dev.scopegate.isolation.FilterIds;
import dev.scopegate.isolation.TenantIdentity;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.policy.ResponseFilter;
import dev.scopegate.upstream.Answer;
import io.vertx.core.Future;

/**
 * Answers to {@code eth_newFilter}, {@code eth_newBlockFilter} and {@code
 * eth_newPendingTransactionFilter}: the node's filter id becomes one bound to the tenant, so that
 * no other tenant can poll, drain or uninstall the filter by guessing or overhearing its id.
 */
public final class FilterIdIssuer implements ResponseFilter {
  private final FilterIds ids;

  public FilterIdIssuer(FilterIds ids) {
    this.ids = ids;
  }

  @Override
  public Future<Answer> filter(Principal tenant, RpcRequest request, Answer answer) {
    if (answer.result() == null || !answer.result().isTextual()) {
      return Future.failedFuture(NodeData.malformed("filter id is not a string"));
    }
    return TenantIdentity.of(tenant)
        .map(owner -> Future.succeededFuture(
            new Answer(TextNode.valueOf(ids.issue(owner, answer.result().textValue())), null)))
        .orElseGet(() -> Future.failedFuture(RpcError.NOT_AUTHORIZED.exception()));
  }
}
