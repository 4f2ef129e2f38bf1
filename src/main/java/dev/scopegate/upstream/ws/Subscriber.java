package dev.scopegate.upstream.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.upstream.Answer;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The node calls a subscription's life is made of. Node errors fail with {@link NodeRefused}. */
final class Subscriber {
  /** A confirmed upstream subscription; {@code head} is -1 unless it was asked for. */
  record Confirmed(String id, long head) {}

  private final Calls calls;

  Subscriber(Calls calls) {
    this.calls = calls;
  }

  /**
   * eth_subscribe; with {@code withHead}, eth_blockNumber in the same batch. A node runs a
   * batch's calls in order, so the head is read after the subscription exists: logs of later
   * blocks arrive live, logs up to the head are for eth_getLogs.
   */
  Future<Confirmed> subscribe(JsonNode params, boolean withHead) {
    List<RpcRequest> batch = new ArrayList<>();
    batch.add(request("eth_subscribe", params));
    if (withHead) {
      batch.add(request("eth_blockNumber", Json.MAPPER.createArrayNode()));
    }
    return calls.send(batch).compose(answers -> confirmed(answers, withHead));
  }

  private Future<Confirmed> confirmed(List<Answer> answers, boolean withHead) {
    Answer subscribed = answers.get(0);
    if (subscribed.isError()) {
      return Future.failedFuture(new NodeRefused("eth_subscribe", messageOf(subscribed.error())));
    }
    JsonNode id = subscribed.result();
    if (id == null || !(id.isTextual() || id.isIntegralNumber())) {
      return Future.failedFuture(RpcError.UPSTREAM_BAD_RESPONSE.withData("no subscription id"));
    }
    if (!withHead) {
      return Future.succeededFuture(new Confirmed(id.asText(), -1));
    }
    Answer head = answers.get(1);
    Optional<Long> number = head.isError() ? Optional.empty() : LogId.quantity(head.result());
    if (number.isEmpty()) {
      unsubscribe(id.asText());
      return Future.failedFuture(RpcError.UPSTREAM_BAD_RESPONSE.withData("no block number"));
    }
    return Future.succeededFuture(new Confirmed(id.asText(), number.get()));
  }

  /** The logs matching a logs subscription's criteria in blocks {@code from..to}, in order. */
  Future<List<JsonNode>> logs(JsonNode params, long from, long to) {
    ObjectNode criteria =
        params.path(1).isObject()
            ? ((ObjectNode) params.get(1)).deepCopy()
            : Json.MAPPER.createObjectNode();
    criteria.remove(List.of("fromBlock", "toBlock", "blockHash"));
    criteria.put("fromBlock", LogId.hex(from)).put("toBlock", LogId.hex(to));
    return calls
        .call("eth_getLogs", Json.MAPPER.createArrayNode().add(criteria))
        .compose(
            answer -> {
              if (answer.isError()) {
                String message = messageOf(answer.error());
                return Future.failedFuture(new NodeRefused("eth_getLogs", message));
              }
              if (answer.result() == null || !answer.result().isArray()) {
                return Future.failedFuture(RpcError.UPSTREAM_BAD_RESPONSE.withData("no log list"));
              }
              List<JsonNode> logs = new ArrayList<>();
              answer.result().forEach(logs::add);
              return Future.succeededFuture(logs);
            });
  }

  /** Best effort: the subscription may already be gone with its connection. */
  Future<Void> unsubscribe(String id) {
    return calls
        .call("eth_unsubscribe", Json.MAPPER.createArrayNode().add(id))
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }

  private static RpcRequest request(String method, JsonNode params) {
    return new RpcRequest(Optional.of(LongNode.valueOf(0)), method, Optional.of(params));
  }

  private static String messageOf(JsonNode error) {
    return error.path("message").asText("error without a message");
  }
}
