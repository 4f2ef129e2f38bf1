package dev.scopegate.isolation.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.policy.ResponseFilter;
import dev.scopegate.upstream.Answer;
import io.vertx.core.Future;

/**
 * Multiple private states: {@code eth_accounts} and {@code personal_listAccounts} narrowed to the
 * node accounts the routed PSI's {@code node.eoa} grant names (all under {@code 0x0}), in the
 * node's order. Anything but a list of addresses becomes an empty list.
 */
public final class NodeAccountsFilter implements ResponseFilter {
  @Override
  public Future<Answer> filter(Principal tenant, RpcRequest request, Answer answer) {
    ArrayNode kept = Json.MAPPER.createArrayNode();
    JsonNode accounts = answer.result();
    if (accounts != null && accounts.isArray() && tenant.psi().isPresent()) {
      String psi = tenant.psi().get();
      for (JsonNode account : accounts) {
        if (account.isTextual() && tenant.psiGrants().mayUseNodeAccount(psi, account.asText())) {
          kept.add(account);
        }
      }
    }
    return Future.succeededFuture(new Answer(kept, null));
  }
}
