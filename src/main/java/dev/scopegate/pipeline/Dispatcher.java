package dev.scopegate.pipeline;

import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcCall;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.jsonrpc.RpcResponse;
import dev.scopegate.policy.Policy;
import dev.scopegate.upstream.Answer;
import dev.scopegate.upstream.Upstream;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one pipeline every transport uses: each call passes the policy on its own; the calls that
 * pass go to the node together; answers come back in request order. A refused call never reaches
 * the node and never holds up the rest of its batch.
 */
public final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  private final Policy policy;
  private final Upstream upstream;

  public Dispatcher(Policy policy, Upstream upstream) {
    this.policy = policy;
    this.upstream = upstream;
  }

  public Future<Reply> dispatch(Principal principal, List<RpcCall> calls) {
    List<Future<RpcRequest>> decisions = new ArrayList<>(calls.size());
    for (RpcCall call : calls) {
      decisions.add(
          call instanceof RpcRequest request
              ? policy.authorize(principal, request)
              : Future.failedFuture(((RpcCall.Invalid) call).error()));
    }
    return Future.join(decisions).transform(done -> forward(calls, decisions));
  }

  private Future<Reply> forward(List<RpcCall> calls, List<Future<RpcRequest>> decisions) {
    RpcResponse[] slots = new RpcResponse[calls.size()];
    List<RpcRequest> outgoing = new ArrayList<>();
    List<Integer> answered = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      Future<RpcRequest> decision = decisions.get(i);
      if (decision.succeeded()) {
        RpcRequest request = decision.result();
        outgoing.add(request);
        if (!request.isNotification()) {
          answered.add(i);
        }
      } else {
        int slot = i;
        RpcException refusal = rpcError(decision.cause());
        calls.get(i).id().ifPresent(id -> slots[slot] = RpcResponse.error(id, refusal));
      }
    }
    return upstream
        .forward(outgoing)
        .map(
            answers -> {
              for (int k = 0; k < answered.size(); k++) {
                int slot = answered.get(k);
                slots[slot] = toResponse(calls.get(slot), answers.get(k));
              }
              return reply(slots, 200);
            })
        .recover(
            failure -> {
              RpcException error = rpcError(failure);
              for (int slot : answered) {
                slots[slot] = RpcResponse.error(calls.get(slot).id().orElseThrow(), error);
              }
              return Future.succeededFuture(reply(slots, error.error().httpStatus()));
            });
  }

  private static RpcResponse toResponse(RpcCall call, Answer answer) {
    var id = call.id().orElseThrow();
    return answer.isError()
        ? RpcResponse.error(id, answer.error())
        : RpcResponse.result(id, answer.result());
  }

  private static Reply reply(RpcResponse[] slots, int status) {
    return new Reply(Arrays.stream(slots).filter(Objects::nonNull).toList(), status);
  }

  private static RpcException rpcError(Throwable failure) {
    if (failure instanceof RpcException known) {
      return known;
    }
    LOG.error("unexpected failure while handling a call", failure);
    return RpcError.INTERNAL_ERROR.exception();
  }
}
