package dev.scopegate.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers outgoing calls 0..n-1 (so clients' ids, which may repeat or be huge, never reach the
 * node) and matches the node's answers back to them.
 */
final class AnswerMatcher {
  private AnswerMatcher() {}

  /** The body to send: one object for a single call, an array otherwise. */
  static JsonNode body(List<RpcRequest> requests) {
    if (requests.size() == 1) {
      return outgoing(requests.get(0), 0);
    }
    var array = Json.MAPPER.createArrayNode();
    for (int i = 0; i < requests.size(); i++) {
      array.add(outgoing(requests.get(i), i));
    }
    return array;
  }

  private static JsonNode outgoing(RpcRequest request, int index) {
    return request.toJson(request.isNotification() ? null : IntNode.valueOf(index));
  }

  /** The answers for the non-notification calls, in order; throws on a body that doesn't fit. */
  static List<Answer> match(List<RpcRequest> requests, byte[] responseBody) {
    JsonNode root;
    try {
      root = Json.read(responseBody);
    } catch (IOException e) {
      throw RpcError.UPSTREAM_BAD_RESPONSE.withData("response is not JSON");
    }
    Map<Integer, Answer> byId = new HashMap<>();
    if (root != null && root.isArray()) {
      root.forEach(item -> collect(item, byId));
    } else if (root != null && root.isObject()) {
      collect(root, byId);
    } else if (!allNotifications(requests)) {
      throw RpcError.UPSTREAM_BAD_RESPONSE.withData("response is not a JSON-RPC response");
    }
    List<Answer> answers = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      if (!requests.get(i).isNotification()) {
        Answer answer = byId.get(i); // the "missing" error (an exception) only when missing
        answers.add(answer != null ? answer : missing());
      }
    }
    return answers;
  }

  private static void collect(JsonNode item, Map<Integer, Answer> byId) {
    JsonNode id = item.get("id");
    if (id == null || !id.isIntegralNumber() || !id.canConvertToInt()) {
      return;
    }
    JsonNode error = item.get("error");
    if (error != null && !error.isNull()) {
      byId.put(id.intValue(), new Answer(null, error));
    } else if (item.has("result")) {
      byId.put(id.intValue(), new Answer(item.get("result"), null));
    }
  }

  private static Answer missing() {
    return new Answer(
        null,
        RpcError.UPSTREAM_BAD_RESPONSE.withData("no answer for this call").body().toJson());
  }

  private static boolean allNotifications(List<RpcRequest> requests) {
    return requests.stream().allMatch(RpcRequest::isNotification);
  }
}
