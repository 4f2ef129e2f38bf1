package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.jsonrpc.RpcResponse;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request body in, the answer out, with geth's batch rules: answers in request order, none
 * for notifications, and no body at all when nothing is to be answered. Errors become JSON-RPC
 * error objects here and nowhere else.
 */
final class NodeDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(NodeDispatcher.class);

  private final NodeCalls methods;
  private final RequestCounter calls;

  NodeDispatcher(NodeCalls methods, RequestCounter calls) {
    this.methods = methods;
    this.calls = calls;
  }

  /** The response body, or empty when the body held only notifications. */
  Optional<JsonNode> handle(byte[] body) {
    GoRequests.Body decoded;
    try {
      decoded = GoRequests.decode(body); // geth 1.9.7 puts no limit on batch size
    } catch (NodeException e) {
      return Optional.of(RpcResponse.error(NullNode.getInstance(), e.toJson()).toJson());
    }
    ArrayNode answers = Json.MAPPER.createArrayNode();
    for (GoRequests.Message message : decoded.messages()) {
      message.request().ifPresentOrElse(r -> calls.count(r.method(), r.params()), calls::countInvalid);
      answer(message).ifPresent(response -> answers.add(response.toJson()));
    }
    if (answers.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(decoded.batch() ? answers : answers.get(0));
  }

  private Optional<RpcResponse> answer(GoRequests.Message message) {
    if (message.request().isEmpty()) {
      return Optional.of(
          RpcResponse.error(message.id(), NodeError.INVALID_REQUEST.exception().toJson()));
    }
    RpcRequest request = message.request().get();
    RpcResponse response = execute(request);
    return request.isNotification() ? Optional.empty() : Optional.of(response);
  }

  private RpcResponse execute(RpcRequest request) {
    try {
      JsonNode result = methods.call(request.method(), request.params(), request.idOrNull());
      return RpcResponse.result(request.idOrNull(), result);
    } catch (NodeException e) {
      return RpcResponse.error(request.idOrNull(), e.toJson());
    } catch (RuntimeException e) {
      LOG.error("dev node failed on {}", request.method(), e);
      return RpcResponse.error(request.idOrNull(), NodeError.INTERNAL.exception().toJson());
    }
  }
}
