package dev.scopegate.upstream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcRequest;
import io.vertx.core.buffer.Buffer;
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

  /**
   * The body to send: one object for a single call, an array otherwise; written straight to
   * bytes, member by member as {@link RpcRequest#toJson} orders them, with no tree per call.
   */
  static Buffer body(List<RpcRequest> requests) {
    return Json.write(g -> {
      if (requests.size() == 1) {
        write(g, requests.get(0), 0);
      } else {
        g.writeStartArray();
        for (int i = 0; i < requests.size(); i++) {
          write(g, requests.get(i), i);
        }
        g.writeEndArray();
      }
    });
  }

  private static void write(JsonGenerator g, RpcRequest request, int index) throws IOException {
    g.writeStartObject();
    g.writeStringField("jsonrpc", "2.0");
    if (!request.isNotification()) {
      g.writeNumberField("id", index);
    }
    g.writeStringField("method", request.method());
    if (request.params().isPresent()) {
      g.writeFieldName("params");
      Json.MAPPER.writeTree(g, request.params().get());
    }
    g.writeEndObject();
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
