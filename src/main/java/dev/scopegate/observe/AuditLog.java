package dev.scopegate.observe;

import dev.scopegate.auth.Principal;
import dev.scopegate.auth.TenantGrantsSource;
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
 * The audit log, logger {@code scopegate.audit}, always on: one WARN line per refusal — a call
 * Scopegate refused (outside the grants, not authorized, missing privateFrom, …) with who, what
 * and why (a spent budget, {@code limit exceeded}, is counted in metrics rather than logged), and
 * credentials refused before any call was read — and one INFO line per call an
 * API-key caller made as a tenant ({@code X-Tenant-ID}), with the tenant it acted as.
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
    boolean impersonated = TenantGrantsSource.isImpersonated(d.principal());
    for (int i = 0; i < d.calls().size(); i++) {
      int slot = i;
      if (impersonated) {
        impersonated(d, slot);
      }
      d.refusals().get(i).filter(refusal -> refusal != RpcError.LIMIT_EXCEEDED).ifPresent(refusal -> {
        // a spent budget is load shed, not a breach: a tenant past its rate would otherwise write
        // one WARN line per call; scopegate_limit_refusals_total counts them instead
        LoggingEventBuilder event = LOG.atWarn();
        String text = CallFields.pairs(event, CallFields.withPsi(d.principal(),
            "transport", transport,
            "principal", CallFields.principal(d.principal()),
            "tenant", CallFields.who(d.principal()),
            "method", CallFields.method(d.calls().get(slot), knownMethod),
            "reason", Reasons.of(refusal),
            "code", Integer.toString(refusal.code())));
        event.log("refused " + text);
      });
    }
  }

  private void impersonated(Dispatch d, int slot) {
    LoggingEventBuilder event = LOG.atInfo();
    String text = CallFields.pairs(event, CallFields.withPsi(d.principal(),
        "transport", transport,
        "apikey_as", "tenant",
        "tenant", CallFields.who(d.principal()),
        "method", CallFields.method(d.calls().get(slot), knownMethod),
        "outcome", CallFields.outcome(slot < d.answers().size() ? d.answers().get(slot) : null)));
    event.log("impersonated call " + text);
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
