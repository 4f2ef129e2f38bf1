package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.scopegate.jsonrpc.RpcRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request body split into calls as GoQuorum does ({@code rpc/json.go} {@code parseMessage}
 * into {@code jsonrpcMessage}, judged by {@code rpc/handler.go} {@code handleCallMsg}): the
 * envelope's keys match case-insensitively ({@code "Method"}, {@code "PARAMS"}, {@code "ID"}), a
 * repeated key keeps its last value, {@code jsonrpc} is not checked, a message with a method and
 * no id is a notification, one with an id that is not an object or array is a call (a JSON null
 * id included: {@code json.RawMessage} holds {@code null}), and anything else is {@code invalid
 * request}, answered with its id when it has a valid one.
 */
final class GoRequests {
  private static final List<String> ENVELOPE =
      List.of("jsonrpc", "id", "method", "params", "error", "result");

  private GoRequests() {}

  /** The calls of one body; {@code batch} when it was an array. */
  record Body(boolean batch, List<Message> messages) {}

  /** A message to execute, or one answered {@code invalid request} under {@code id}. */
  record Message(Optional<RpcRequest> request, JsonNode id) {
    static Message invalid(JsonNode id) {
      return new Message(Optional.empty(), id);
    }

    static Message call(RpcRequest request) {
      return new Message(Optional.of(request), request.idOrNull());
    }
  }

  static Body decode(byte[] body) {
    GoJson.Tree tree;
    try {
      tree = GoJson.read(body);
    } catch (IOException | NumberFormatException e) {
      throw NodeError.PARSE_ERROR.exception(); // rpc/server.go serveSingleRequest
    }
    JsonNode root = tree.root();
    if (!root.isArray()) {
      return new Body(false, List.of(message(root, tree)));
    }
    if (root.isEmpty()) {
      throw NodeError.EMPTY_BATCH.exception(); // rpc/handler.go handleBatch
    }
    List<Message> calls = new ArrayList<>(root.size());
    root.forEach(element -> calls.add(message(element, tree)));
    return new Body(true, calls);
  }

  private static Message message(JsonNode element, GoJson.Tree tree) {
    if (!element.isObject()) { // Unmarshal fails: the zero jsonrpcMessage
      return Message.invalid(NullNode.getInstance());
    }
    JsonNode msg = GoKeys.canonical(element, ENVELOPE);
    JsonNode id = msg.get("id");
    if (id != null && id.isNumber()) { // json.RawMessage: echoed as sent, 1e2 stays 1e2
      id = new POJONode(new RawValue(tree.numberTexts().get(id)));
    }
    JsonNode methodNode = msg.get("method");
    // a non-string method is a type error encoding/json skips, leaving Method ""
    String method = methodNode != null && methodNode.isTextual() ? methodNode.textValue() : "";
    boolean validId = id != null && !id.isObject() && !id.isArray(); // hasValidID
    Optional<JsonNode> params = Optional.ofNullable(msg.get("params")).filter(p -> !p.isNull());
    if (!method.isEmpty() && id == null) {
      return Message.call(new RpcRequest(Optional.empty(), method, params)); // isNotification
    }
    if (!method.isEmpty() && validId) {
      return Message.call(new RpcRequest(Optional.of(id), method, params)); // isCall
    }
    return Message.invalid(validId ? id : NullNode.getInstance());
  }
}
