package dev.scopegate.transport.ws;

import dev.scopegate.auth.Principal;
import dev.scopegate.config.Config;
import dev.scopegate.jsonrpc.RpcError;
import java.util.Optional;

/**
 * Subscriptions held per tenant over all its connections ({@code server.ws.maxSubscriptionsPerTenant}),
 * and the per-connection bound each connection applies. Operators are not counted per tenant (they
 * are trusted to run the node); the per-connection bound still holds for them, so a runaway
 * script over IPC cannot grow the process without end.
 */
public final class SubscriptionQuota {
  private final Config.Subscriptions limits;
  // taken and given back from every event loop (connections live on several)
  private final TenantCounts byTenant = new TenantCounts();

  public SubscriptionQuota(Config.Subscriptions limits) {
    this.limits = limits;
  }

  Config.Subscriptions limits() {
    return limits;
  }

  /** Takes one place for {@code principal}'s tenant, or throws the limit it would exceed. */
  void take(Principal principal) {
    Optional<String> tenant = tenant(principal);
    if (tenant.isEmpty()) {
      return;
    }
    if (!byTenant.tryTake(tenant.get(), limits.perTenant())) {
      throw RpcError.SUBSCRIPTION_LIMIT.withData("at most " + limits.perTenant()
          + " subscriptions per tenant (server.ws.maxSubscriptionsPerTenant)");
    }
  }

  void give(Principal principal) {
    tenant(principal).ifPresent(byTenant::give);
  }

  int held(Principal principal) {
    return tenant(principal).map(byTenant::held).orElse(0);
  }

  private static Optional<String> tenant(Principal principal) {
    return principal.isOperator()
        ? Optional.empty()
        : Optional.of(principal.tenantId().orElse(principal.subject()));
  }
}
