package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RequestDecoder;
import dev.scopegate.jsonrpc.RpcBody;
import dev.scopegate.jsonrpc.RpcCall;
import dev.scopegate.jsonrpc.RpcException;
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
final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  /** geth 1.9.7 puts no limit on batch size. */
  private final RequestDecoder decoder = new RequestDecoder(Integer.MAX_VALUE);
  private final Calls methods;
  private final RequestCounter calls;

  Dispatcher(Calls methods, RequestCounter calls) {
    this.methods = methods;
    this.calls = calls;
  }

  /** The response body, or empty when the body held only notifications. */
  Optional<JsonNode> handle(byte[] body) {
    RpcBody decoded;
    try {
      decoded = decoder.decode(body);
    } catch (RpcException e) {
      return Optional.of(RpcResponse.error(NullNode.getInstance(), e).toJson());
    }
    ArrayNode answers = Json.MAPPER.createArrayNode();
    for (RpcCall call : decoded.calls()) {
      if (call instanceof RpcRequest request) {
        calls.count(request.method());
      } else {
        calls.countInvalid();
      }
      answer(call).ifPresent(response -> answers.add(response.toJson()));
    }
    if (answers.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(decoded.batch() ? answers : answers.get(0));
  }

  private Optional<RpcResponse> answer(RpcCall call) {
    if (call instanceof RpcCall.Invalid invalid) {
      return Optional.of(
          RpcResponse.error(invalid.id().orElse(NullNode.getInstance()), invalid.error()));
    }
    RpcRequest request = (RpcRequest) call;
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
