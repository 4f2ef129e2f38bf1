package dev.scopegate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.RpcRequest;

/**
 * What a guard decided for a tenant's call: forward it (possibly rewritten: a pinned block, a
 * narrowed list), or answer it here with what a non-party node would answer. A refusal is a
 * failed future carrying an {@link dev.scopegate.jsonrpc.RpcException}.
 */
public sealed interface Decision {
  record Forward(RpcRequest request) implements Decision {}

  record Respond(JsonNode result) implements Decision {}

  static Decision forward(RpcRequest request) {
    return new Forward(request);
  }

  static Decision respond(JsonNode result) {
    return new Respond(result);
  }
}
