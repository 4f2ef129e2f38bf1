package dev.scopegate.upstream.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.LongNode;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.upstream.Answer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Calls over the shared socket. Every call gets an upstream id from one counter (clients' ids
 * would collide), answers find their call by it, and each send is bounded by the call timeout.
 */
final class Calls {
  private final Vertx vertx;
  private final NodeSocket socket;
  private final long timeoutMs;
  private final long maxMessageBytes;
  private final Map<Long, PendingBatch> pending = new HashMap<>();
  private long nextId = 1;

  Calls(Vertx vertx, NodeSocket socket, long timeoutMs, long maxMessageBytes) {
    this.vertx = vertx;
    this.socket = socket;
    this.timeoutMs = timeoutMs;
    this.maxMessageBytes = maxMessageBytes;
  }

  /** One answer per call that is not a notification, in order; one message for all of them. */
  Future<List<Answer>> send(List<RpcRequest> requests) {
    if (requests.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    int answered = (int) requests.stream().filter(r -> !r.isNotification()).count();
    PendingBatch batch = new PendingBatch(nextId, answered);
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (RpcRequest request : requests) {
      array.add(request.toJson(request.isNotification() ? null : LongNode.valueOf(nextId++)));
    }
    JsonNode body = requests.size() == 1 ? array.get(0) : array;
    String text = Json.string(body);
    if (Utf8.length(text) > maxMessageBytes) {
      // the node closes the socket everyone shares on a message past its frame limit (geth,
      // GoQuorum: 15 MiB, rpc/websocket.go); nothing that large is ever written
      return Future.failedFuture(tooLarge(maxMessageBytes));
    }
    for (int i = 0; i < batch.size(); i++) {
      pending.put(batch.firstId() + i, batch);
    }
    if (batch.size() > 0) {
      batch.timer(vertx.setTimer(timeoutMs, t -> settle(batch, timeout())));
    }
    socket
        .connected()
        .compose(ws -> ws.writeTextMessage(text))
        .onComplete(
            written -> {
              if (written.failed()) {
                settle(batch, unreachable(written.cause()));
              } else if (batch.size() == 0) {
                batch.complete();
              }
            });
    return batch.future();
  }

  /** A single call; its answer, error or not. */
  Future<Answer> call(String method, JsonNode params) {
    RpcRequest request =
        new RpcRequest(Optional.of(LongNode.valueOf(0)), method, Optional.of(params));
    return send(List.of(request)).map(answers -> answers.get(0));
  }

  /** Routes one answer from the node; answers to calls already settled are dropped. */
  void answer(JsonNode message) {
    JsonNode id = message.get("id");
    if (id == null || !id.canConvertToLong()) {
      return;
    }
    PendingBatch batch = pending.remove(id.longValue());
    if (batch != null && batch.answer(id.longValue(), answerOf(message))) {
      vertx.cancelTimer(batch.timer());
      batch.complete();
    }
  }

  /** Fails every call still waiting (the connection is gone). */
  void failAll(RpcException why) {
    new ArrayList<>(pending.values()).forEach(batch -> settle(batch, why));
  }

  private void settle(PendingBatch batch, RpcException why) {
    for (int i = 0; i < batch.size(); i++) {
      pending.remove(batch.firstId() + i, batch);
    }
    vertx.cancelTimer(batch.timer());
    batch.fail(why);
  }

  private static Answer answerOf(JsonNode message) {
    JsonNode error = message.get("error");
    if (error != null && !error.isNull()) {
      return new Answer(null, error);
    }
    if (message.has("result")) {
      return new Answer(message.get("result"), null);
    }
    RpcException bad = RpcError.UPSTREAM_BAD_RESPONSE.withData("neither result nor error");
    return new Answer(null, bad.body().toJson());
  }

  static RpcException tooLarge(long maxBytes) {
    return RpcError.CALL_TOO_LARGE_FOR_SHARED_SOCKET.withData(
        "at most " + maxBytes + " bytes per call on the node socket (upstream.wsMaxCallBytes)");
  }

  private RpcException timeout() {
    return RpcError.UPSTREAM_TIMEOUT.withData("no answer within " + timeoutMs + " ms");
  }

  private static RpcException unreachable(Throwable cause) {
    return cause instanceof RpcException known
        ? known
        : RpcError.UPSTREAM_UNREACHABLE.withData("could not write to the node websocket");
  }
}
