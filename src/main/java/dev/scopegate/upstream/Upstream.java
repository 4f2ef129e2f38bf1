package dev.scopegate.upstream;

import dev.scopegate.jsonrpc.RpcRequest;
import io.vertx.core.Future;
import java.util.List;

/**
 * The node. {@link #forward} sends calls together and answers, in the same order, one
 * {@link Answer} per call that is not a notification. A forward that fails as a whole fails the
 * future with an {@link dev.scopegate.jsonrpc.RpcException} naming the upstream condition.
 */
public interface Upstream {
  Future<List<Answer>> forward(List<RpcRequest> requests);

  /**
   * The same, with headers for the node that say nothing of the client: only trace context
   * ({@code traceparent}). An upstream with no headers (a WebSocket) ignores them.
   */
  default Future<List<Answer>> forward(List<RpcRequest> requests, java.util.Map<String, String> headers) {
    return forward(requests);
  }

  Future<Void> close();
}
