package dev.scopegate.isolation;

import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.upstream.Answer;
import dev.scopegate.upstream.Upstream;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A node that answers by a script and remembers every call it received. */
final class RecordingUpstream implements Upstream {
  final List<RpcRequest> received = new ArrayList<>();
  private final Function<RpcRequest, Answer> script;

  RecordingUpstream(Function<RpcRequest, Answer> script) {
    this.script = script;
  }

  @Override
  public Future<List<Answer>> forward(List<RpcRequest> requests) {
    received.addAll(requests);
    return Future.succeededFuture(requests.stream().filter(r -> !r.isNotification()).map(script).toList());
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
