package dev.scopegate.pipeline;

import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcCall;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcResponse;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Told of every body the pipeline has answered: for metrics and logs, never for decisions. */
@FunctionalInterface
public interface CallObserver {
  CallObserver NONE = (principal, calls, answers, nanos) -> {};

  /**
   * One body dispatched: its calls, each call's answer at the same index (null for a
   * notification), and the time from dispatch to answer in nanoseconds.
   */
  void dispatched(Principal principal, List<RpcCall> calls, List<RpcResponse> answers, long nanos);

  /**
   * The same, with what the pipeline knows beyond the answers: which calls Scopegate itself
   * refused (policy, guard or filter) and why, and how long the node took.
   */
  default void dispatched(Dispatch dispatch) {
    dispatched(dispatch.principal(), dispatch.calls(), dispatch.answers(), dispatch.nanos());
  }

  /**
   * One dispatched body. {@code refusals} has one entry per call: Scopegate's refusal, if it
   * refused that call. {@code upstreamNanos} is the time of the one forward to the node, or -1
   * when nothing was forwarded.
   */
  record Dispatch(
      Principal principal,
      List<RpcCall> calls,
      List<RpcResponse> answers,
      List<Optional<RpcError>> refusals,
      long nanos,
      long upstreamNanos) {}

  /** Every observer told in turn; one that fails does not keep the others from being told. */
  static CallObserver all(List<CallObserver> observers) {
    List<CallObserver> each = List.copyOf(observers);
    Logger log = LoggerFactory.getLogger(CallObserver.class);
    return new CallObserver() {
      @Override
      public void dispatched(Principal principal, List<RpcCall> calls, List<RpcResponse> answers, long nanos) {
        each.forEach(o -> o.dispatched(principal, calls, answers, nanos));
      }

      @Override
      public void dispatched(Dispatch dispatch) {
        for (CallObserver observer : each) {
          try {
            observer.dispatched(dispatch);
          } catch (RuntimeException e) {
            log.warn("a call observer failed: {}", e.toString());
          }
        }
      }
    };
  }
}
