package dev.scopegate.isolation.filter;

import dev.scopegate.isolation.TenantGrants;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.policy.ResponseFilter;
import dev.scopegate.upstream.Answer;
import io.vertx.core.Future;

/**
 * {@code eth_accounts} and {@code personal_listAccounts}: the node's accounts narrowed to those the
 * tenant may act as (all of them under a {@code 0x0} self-eoa grant), in the node's order. An
 * answer that is not a list of addresses becomes an empty list: nothing unchecked passes.
 */
public final class AccountsFilter implements ResponseFilter {
  @Override
  public Future<Answer> filter(Principal tenant, RpcRequest request, Answer answer) {
    TenantGrants grants = TenantGrants.of(tenant);
    ArrayNode kept = Json.MAPPER.createArrayNode();
    JsonNode accounts = answer.result();
    if (accounts != null && accounts.isArray()) {
      for (JsonNode account : accounts) {
        if (account.isTextual() && grants.ownsAccount(account.asText())) {
          kept.add(account);
        }
      }
    }
    return Future.succeededFuture(new Answer(kept, null));
  }
}
