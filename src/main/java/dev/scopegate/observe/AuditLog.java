package dev.scopegate.observe;

import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcCall;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcResponse;
import dev.scopegate.pipeline.CallObserver;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One line per refusal on logger {@code scopegate.audit}: a call Scopegate refused (outside the
 * grants, not authorized, missing privateFrom, …) with who, what and why; and credentials refused
 * before any call was read. Always on: refusals are what an auditor asks about.
 */
final class AuditLog implements CallObserver {
  static final Logger LOG = LoggerFactory.getLogger("scopegate.audit");

  private final String transport;
  private final Predicate<String> knownMethod;

  AuditLog(String transport, Predicate<String> knownMethod) {
    this.transport = transport;
    this.knownMethod = knownMethod;
  }

  @Override
  public void dispatched(Principal principal, List<RpcCall> calls, List<RpcResponse> answers, long nanos) {
    // Refusals are known only from the full dispatch.
  }

  @Override
  public void dispatched(Dispatch d) {
    for (int i = 0; i < d.calls().size(); i++) {
      int slot = i;
      d.refusals().get(i).ifPresent(refusal -> {
        LoggingEventBuilder event = LOG.atWarn();
        String text = CallFields.pairs(event,
            "transport", transport,
            "principal", CallFields.principal(d.principal()),
            "tenant", CallFields.who(d.principal()),
            "method", CallFields.method(d.calls().get(slot), knownMethod),
            "reason", Reasons.of(refusal),
            "code", Integer.toString(refusal.code()));
        event.log("refused " + text);
      });
    }
  }

  /** Credentials refused on {@code transport} before any call was read. */
  static Consumer<RpcError> credentials(String transport) {
    return error -> {
      LoggingEventBuilder event = LOG.atWarn();
      String text = CallFields.pairs(event, "transport", transport, "reason", Reasons.of(error));
      event.log("refused credentials " + text);
    };
  }
}
