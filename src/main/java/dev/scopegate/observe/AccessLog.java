package dev.scopegate.observe;

import dev.scopegate.pipeline.CallObserver;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One line per call on logger {@code scopegate.access} ({@code log.access: true}): transport,
 * principal kind, tenant, method, outcome, and the body's upstream and total latency.
 */
final class AccessLog implements CallObserver {
  static final Logger LOG = LoggerFactory.getLogger("scopegate.access");

  private final String transport;
  private final Predicate<String> knownMethod;

  AccessLog(String transport, Predicate<String> knownMethod) {
    this.transport = transport;
    this.knownMethod = knownMethod;
  }

  @Override
  public void dispatched(
      dev.scopegate.auth.Principal principal, java.util.List<dev.scopegate.jsonrpc.RpcCall> calls,
      java.util.List<dev.scopegate.jsonrpc.RpcResponse> answers, long nanos) {
    dispatched(new Dispatch(principal, calls, answers,
        java.util.Collections.nCopies(calls.size(), java.util.Optional.empty()), nanos, -1));
  }

  @Override
  public void dispatched(Dispatch d) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    for (int i = 0; i < d.calls().size(); i++) {
      LoggingEventBuilder event = LOG.atInfo();
      String text = CallFields.pairs(event, CallFields.withPsi(d.principal(),
          "transport", transport,
          "principal", CallFields.principal(d.principal()),
          "tenant", CallFields.who(d.principal()),
          "method", CallFields.method(d.calls().get(i), knownMethod),
          "outcome", d.refusals().get(i).map(r -> "refused " + Reasons.of(r)).orElse(CallFields.outcome(d.answers().get(i))),
          "upstream_ms", CallFields.millis(d.upstreamNanos()),
          "total_ms", CallFields.millis(d.nanos()),
          "batch", Integer.toString(d.calls().size())));
      event.log("call " + text);
    }
  }
}
