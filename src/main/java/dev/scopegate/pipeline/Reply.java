package dev.scopegate.pipeline;

import dev.scopegate.jsonrpc.RpcCall;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.jsonrpc.RpcResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The answers to a body's calls, in request order (notifications have none), and the HTTP status
 * that fits: 200, 429 when a limit refused every call (then {@code retryAfterMillis} says when to
 * retry), or 502/504 when the forward to the node failed as a whole.
 */
public record Reply(List<RpcResponse> responses, int httpStatus, long retryAfterMillis) {

  public Reply(List<RpcResponse> responses, int httpStatus) {
    this(responses, httpStatus, 0);
  }

  /**
   * Every call of a body refused with one error (an element that is not a request keeps its own
   * error); notifications get no answer.
   */
  public static Reply refusingAll(List<RpcCall> calls, RpcException error) {
    List<RpcResponse> responses = new ArrayList<>(calls.size());
    for (RpcCall call : calls) {
      RpcException reason = call instanceof RpcCall.Invalid invalid ? invalid.error() : error;
      call.id().ifPresent(id -> responses.add(RpcResponse.error(id, reason)));
    }
    return new Reply(responses, error.error().httpStatus());
  }
}
