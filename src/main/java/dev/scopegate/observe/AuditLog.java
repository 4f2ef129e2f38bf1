package dev.scopegate.observe;

import dev.scopegate.auth.Principal;
import dev.scopegate.auth.TenantGrantsSource;
import dev.scopegate.jsonrpc.RpcCall;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.jsonrpc.RpcResponse;
import dev.scopegate.pipeline.CallObserver;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log (logger {@code scopegate.audit}): one line per call an API-key caller made as a
 * tenant ({@code X-Tenant-ID}), at INFO, and one per tenant call that was refused, at DEBUG, each
 * with the tenant id. Methods and outcomes only: never parameters, results or credentials.
 */
public final class AuditLog implements CallObserver {
  private static final Logger AUDIT = LoggerFactory.getLogger("scopegate.audit");

  private final String transport;

  public AuditLog(String transport) {
    this.transport = transport;
  }

  @Override
  public void dispatched(
      Principal principal, List<RpcCall> calls, List<RpcResponse> answers, long nanos) {
    if (principal.isOperator()) {
      return;
    }
    boolean impersonated = TenantGrantsSource.isImpersonated(principal);
    String tenant = principal.tenantId().orElse("-");
    for (int i = 0; i < calls.size(); i++) {
      String method = calls.get(i) instanceof RpcRequest r ? r.method() : "(invalid)";
      RpcResponse answer = i < answers.size() ? answers.get(i) : null;
      String outcome = outcome(answer);
      if (impersonated) {
        AUDIT.info("impersonated call: api key as tenant={} transport={} method={} outcome={}",
            tenant, transport, method, outcome);
      } else if (answer != null && answer.isError()) {
        AUDIT.debug("refused call: tenant={} subject={} transport={} method={} outcome={}",
            tenant, principal.subject(), transport, method, outcome);
      }
    }
  }

  private static String outcome(RpcResponse answer) {
    if (answer == null) {
      return "notification";
    }
    return answer.isError() ? "error " + answer.error().path("code").asText() : "ok";
  }
}
