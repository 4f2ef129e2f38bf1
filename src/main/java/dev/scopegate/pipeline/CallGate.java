package dev.scopegate.pipeline;

import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcCall;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.jsonrpc.RpcRequest;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * Stands before the policy: admits each call of a body or refuses it (a refused call is never
 * authorised, guarded or forwarded), and is told when the body has been answered, whatever the
 * outcome, so that what it holds for the body (concurrency slots) comes back.
 */
public interface CallGate {
  CallGate OPEN = (principal, calls) -> Future.succeededFuture(Admission.ALL);

  Future<Admission> admit(Principal principal, List<RpcCall> calls);

  /** A gate's answer for one body. */
  interface Admission {
    Admission ALL = new Admission() {
      @Override
      public Optional<RpcException> refusal(int index) {
        return Optional.empty();
      }

      @Override
      public long retryAfterMillis() {
        return 0;
      }

      @Override
      public void release() {}
    };

    /**
     * Call {@code index} as admitted: {@code sent}, or a copy the gate has held to a limit (a
     * trace's timeout capped) — what the policy checks and the node gets.
     */
    default RpcRequest admitted(int index, RpcRequest sent) {
      return sent;
    }

    /** Why call {@code index} is refused; empty when admitted. */
    Optional<RpcException> refusal(int index);

    /** When a refused call may be retried, the longest wait of the body's refusals (0: none said). */
    long retryAfterMillis();

    /** The body is answered: gives back what was held for it. Called exactly once. */
    void release();
  }
}
