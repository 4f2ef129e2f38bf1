package dev.scopegate.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A valid JSON-RPC 2.0 request. {@code id} is empty for a notification; a present id may be the
 * JSON null. {@code params} is an array or object, or empty when the request carried none.
 */
public record RpcRequest(Optional<JsonNode> id, String method, Optional<JsonNode> params)
    implements RpcCall {

  public boolean isNotification() {
    return id.isEmpty();
  }

  /** A copy with other params; guards use it to pin blocks or rewrite arguments. */
  public RpcRequest withParams(JsonNode newParams) {
    return new RpcRequest(id, method, Optional.of(newParams));
  }

  /** This request as sent upstream, under {@code upstreamId} (null: as a notification). */
  public ObjectNode toJson(JsonNode upstreamId) {
    ObjectNode node = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0");
    if (upstreamId != null) {
      node.set("id", upstreamId);
    }
    node.put("method", method);
    params.ifPresent(p -> node.set("params", p));
    return node;
  }

  /** The client's id, or JSON null. */
  public JsonNode idOrNull() {
    return id.orElse(NullNode.getInstance());
  }
}
