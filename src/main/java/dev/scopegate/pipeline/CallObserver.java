package dev.scopegate.pipeline;

import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcCall;
import dev.scopegate.jsonrpc.RpcResponse;
import java.util.List;

/** Told of every body the pipeline has answered: for metrics, never for decisions. */
@FunctionalInterface
public interface CallObserver {
  CallObserver NONE = (principal, calls, answers, nanos) -> {};

  /**
   * One body dispatched: its calls, each call's answer at the same index (null for a
   * notification), and the time from dispatch to answer in nanoseconds.
   */
  void dispatched(Principal principal, List<RpcCall> calls, List<RpcResponse> answers, long nanos);
}
