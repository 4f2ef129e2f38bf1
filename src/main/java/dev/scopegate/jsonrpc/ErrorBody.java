package dev.scopegate.jsonrpc;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A JSON-RPC error object: code, message and optional data. */
public record ErrorBody(int code, String message, String data) {
  public ObjectNode toJson() {
    ObjectNode node = Json.MAPPER.createObjectNode().put("code", code).put("message", message);
    if (data != null) {
      node.put("data", data);
    }
    return node;
  }
}
