package dev.scopegate.isolation.filter;

import dev.scopegate.isolation.PrivacyFacts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.policy.ResponseFilter;
import dev.scopegate.upstream.Answer;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists of logs ({@code eth_getLogs}, {@code eth_getFilterLogs}, {@code eth_getFilterChanges})
 * without the logs of private contracts the tenant is not party to, dropped silently as GoQuorum
 * does. Lists of hashes (block and pending-transaction filters) pass unchanged.
 */
public final class LogsFilter implements ResponseFilter {
  private final VisibleLogs visibleLogs;

  public LogsFilter(PrivacyFacts facts) {
    this.visibleLogs = new VisibleLogs(facts);
  }

  @Override
  public Future<Answer> filter(Principal tenant, RpcRequest request, Answer answer) {
    JsonNode result = answer.result();
    if (result == null || result.isNull() || (result.isArray() && isHashes(result))) {
      return Future.succeededFuture(answer);
    }
    return NodeData.attempt(() -> {
      if (!result.isArray()) {
        throw NodeData.malformed("logs are not a list");
      }
      List<JsonNode> logs = new ArrayList<>();
      for (JsonNode log : result) {
        if (!log.isObject()) {
          throw NodeData.malformed("a list mixing logs and hashes");
        }
        logs.add(log);
      }
      return visibleLogs.of(tenant, logs).map(kept -> {
        if (kept.size() == logs.size()) {
          return answer;
        }
        ArrayNode shown = Json.MAPPER.createArrayNode();
        kept.forEach(shown::add);
        return new Answer(shown, null);
      });
    });
  }

  /** Empty, or strings only: nothing private to drop. */
  private static boolean isHashes(JsonNode list) {
    for (JsonNode item : list) {
      if (!item.isTextual()) {
        return false;
      }
    }
    return true;
  }
}
