package dev.scopegate.transport.ws;

import dev.scopegate.auth.Principal;
import dev.scopegate.config.Config;
import dev.scopegate.jsonrpc.RpcError;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Subscriptions held per tenant over all its connections ({@code server.ws.maxSubscriptionsPerTenant}),
 * and the per-connection bound each connection applies. Operators are not counted per tenant (they
 * are trusted to run the node); the per-connection bound still holds for them, so a runaway
 * script over IPC cannot grow the process without end.
 */
public final class SubscriptionQuota {
  private final Config.Subscriptions limits;
  private final Map<String, AtomicInteger> byTenant = new ConcurrentHashMap<>();

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
    AtomicInteger held = byTenant.computeIfAbsent(tenant.get(), k -> new AtomicInteger());
    if (held.incrementAndGet() > limits.perTenant()) {
      give(principal);
      throw RpcError.SUBSCRIPTION_LIMIT.withData("at most " + limits.perTenant()
          + " subscriptions per tenant (server.ws.maxSubscriptionsPerTenant)");
    }
  }

  void give(Principal principal) {
    tenant(principal).ifPresent(t ->
        byTenant.computeIfPresent(t, (k, n) -> n.decrementAndGet() <= 0 ? null : n));
  }

  int held(Principal principal) {
    return tenant(principal).map(t -> byTenant.getOrDefault(t, new AtomicInteger()).get()).orElse(0);
  }

  private static Optional<String> tenant(Principal principal) {
    return principal.isOperator()
        ? Optional.empty()
        : Optional.of(principal.tenantId().orElse(principal.subject()));
  }
}
