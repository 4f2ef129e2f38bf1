package dev.scopegate.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.upstream.Answer;
import dev.scopegate.upstream.Upstream;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Scopegate's own questions to the node (the index's reads), over the same upstream. */
public final class NodeRpc {
  private final Upstream upstream;

  public NodeRpc(Upstream upstream) {
    this.upstream = upstream;
  }

  /** One call; its result, or a {@link NodeRpcException} carrying the node's error. */
  public Future<JsonNode> call(String method, Object... params) {
    return batch(List.of(new Call(method, params))).map(results -> results.get(0));
  }

  /** Several calls in one request; all must succeed. */
  public Future<List<JsonNode>> batch(List<Call> calls) {
    if (calls.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    List<RpcRequest> requests = new ArrayList<>(calls.size());
    for (Call c : calls) {
      requests.add(
          new RpcRequest(
              Optional.of(IntNode.valueOf(requests.size())),
              c.method(),
              Optional.of(Json.MAPPER.valueToTree(c.params()))));
    }
    return upstream.forward(requests).map(NodeRpc::results);
  }

  /** Like {@link #call}, but the node's error comes back as a value instead of a failure. */
  public Future<Answer> ask(String method, Object... params) {
    RpcRequest request =
        new RpcRequest(
            Optional.of(IntNode.valueOf(0)), method, Optional.of(Json.MAPPER.valueToTree(params)));
    return upstream.forward(List.of(request)).map(answers -> answers.get(0));
  }

  private static List<JsonNode> results(List<Answer> answers) {
    List<JsonNode> results = new ArrayList<>(answers.size());
    for (Answer a : answers) {
      if (a.isError()) {
        throw new NodeRpcException(a.error().path("message").asText("node error"));
      }
      results.add(a.result());
    }
    return results;
  }

  /** A method and its positional params. */
  public record Call(String method, Object... params) {}
}
