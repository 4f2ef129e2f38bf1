package dev.scopegate.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One answer: the client's id and either a result or an error object. The error is kept as the
 * JSON the node sent, or built from an {@link RpcException}.
 */
public record RpcResponse(JsonNode id, JsonNode result, JsonNode error) {

  public static RpcResponse result(JsonNode id, JsonNode result) {
    return new RpcResponse(id, result == null ? NullNode.getInstance() : result, null);
  }

  public static RpcResponse error(JsonNode id, RpcException error) {
    return new RpcResponse(id, null, error.body().toJson());
  }

  public static RpcResponse error(JsonNode id, JsonNode errorObject) {
    return new RpcResponse(id, null, errorObject);
  }

  public boolean isError() {
    return error != null;
  }

  public ObjectNode toJson() {
    ObjectNode node = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0");
    node.set("id", id == null ? NullNode.getInstance() : id);
    if (error != null) {
      node.set("error", error);
    } else {
      node.set("result", result);
    }
    return node;
  }
}
