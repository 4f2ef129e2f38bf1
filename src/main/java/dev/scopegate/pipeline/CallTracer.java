package dev.scopegate.pipeline;

import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcCall;
import dev.scopegate.upstream.Upstream;
import java.util.List;
import java.util.Optional;

/**
 * Traces bodies: a span per call, the forward to the node as a child, the client's
 * {@code traceparent} continued. {@link #NONE} (tracing off) creates nothing and changes nothing.
 */
@FunctionalInterface
public interface CallTracer {
  CallTracer NONE = (principal, calls, traceparent) -> Trace.NONE;

  /** One body begins; {@code traceparent} is the client's W3C header, if it sent one. */
  Trace start(Principal principal, List<RpcCall> calls, Optional<String> traceparent);

  /** One body's spans. */
  interface Trace {
    Trace NONE = new Trace() {
      @Override
      public Upstream around(Upstream upstream) {
        return upstream;
      }

      @Override
      public void ended(CallObserver.Dispatch dispatch) {}
    };

    /** {@code upstream}, its forward traced as a child span and its trace context sent along. */
    Upstream around(Upstream upstream);

    /** The body is answered: each call's span ends with its outcome. */
    void ended(CallObserver.Dispatch dispatch);
  }
}
