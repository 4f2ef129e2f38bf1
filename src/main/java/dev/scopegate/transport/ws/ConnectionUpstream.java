package dev.scopegate.transport.ws;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.upstream.Answer;
import dev.scopegate.upstream.Upstream;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * The node as one WebSocket message sees it: subscriptions go to the connection's registry, every
 * other call to the node (together, as one batch). Answers come back in request order.
 */
public final class ConnectionUpstream implements Upstream {
  private final Upstream node;
  private final ConnectionSubscriptions subscriptions;
  private final long sequence;

  public ConnectionUpstream(Upstream node, ConnectionSubscriptions subscriptions, long sequence) {
    this.node = node;
    this.subscriptions = subscriptions;
    this.sequence = sequence;
  }

  @Override
  public Future<List<Answer>> forward(List<RpcRequest> requests) {
    List<RpcRequest> toNode = new ArrayList<>();
    List<Future<Answer>> local = new ArrayList<>();
    for (RpcRequest r : requests) {
      switch (r.method()) {
        case "eth_subscribe" -> local.add(subscriptions.subscribe(params(r), sequence));
        case "eth_unsubscribe" -> local.add(subscriptions.unsubscribe(params(r)));
        default -> {
          toNode.add(r);
          local.add(null);
        }
      }
    }
    return node.forward(toNode).compose(fromNode -> Future.all(local.stream().filter(f -> f != null).toList())
        .map(done -> merge(requests, local, fromNode)));
  }

  private static com.fasterxml.jackson.databind.JsonNode params(RpcRequest r) {
    return r.params().orElse(NullNode.getInstance());
  }

  /** One answer per non-notification request, in order. */
  private static List<Answer> merge(List<RpcRequest> requests, List<Future<Answer>> local, List<Answer> fromNode) {
    List<Answer> answers = new ArrayList<>();
    int n = 0;
    for (int i = 0; i < requests.size(); i++) {
      if (requests.get(i).isNotification()) {
        continue;
      }
      answers.add(local.get(i) != null ? local.get(i).result() : fromNode.get(n++));
    }
    return answers;
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
