package dev.scopegate.isolation.guard;

import dev.scopegate.isolation.FilterIds;
import dev.scopegate.isolation.TenantIdentity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.policy.Decision;
import dev.scopegate.policy.Guard;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Calls that use a filter id ({@code eth_getFilterChanges}, {@code eth_getFilterLogs}, {@code
 * eth_uninstallFilter}): forwarded with the node's id when the tenant was issued the id it sent,
 * answered here otherwise, as the node answers an id it does not know. An id is never forwarded
 * as the client sent it: it could be another tenant's node id.
 */
public final class FilterIdGuard implements Guard {
  private final FilterIds ids;
  private final Supplier<Future<Decision>> unknown;

  private FilterIdGuard(FilterIds ids, Supplier<Future<Decision>> unknown) {
    this.ids = ids;
    this.unknown = unknown;
  }

  /** {@code eth_getFilterChanges}, {@code eth_getFilterLogs}: an unknown id is {@code filter not found}. */
  public static FilterIdGuard forUse(FilterIds ids) {
    return new FilterIdGuard(ids, () -> Future.failedFuture(RpcError.FILTER_NOT_FOUND.exception()));
  }

  /** {@code eth_uninstallFilter}: an unknown id answers {@code false}, as geth does. */
  public static FilterIdGuard forUninstall(FilterIds ids) {
    return new FilterIdGuard(ids, () -> Future.succeededFuture(Decision.respond(BooleanNode.FALSE)));
  }

  @Override
  public Future<Decision> check(Principal tenant, RpcRequest request) {
    Optional<JsonNode> params = request.params().filter(p -> p.isArray() && p.path(0).isTextual());
    if (params.isEmpty()) {
      return Future.failedFuture(RpcError.INVALID_PARAMS.exception());
    }
    String sent = params.get().path(0).textValue();
    Optional<String> nodeId = TenantIdentity.of(tenant).flatMap(owner -> ids.redeem(owner, sent));
    if (nodeId.isEmpty()) {
      return unknown.get();
    }
    ArrayNode rewritten = ((ArrayNode) params.get()).deepCopy();
    rewritten.set(0, nodeId.get());
    return Future.succeededFuture(Decision.forward(request.withParams(rewritten)));
  }
}
