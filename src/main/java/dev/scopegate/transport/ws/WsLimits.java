package dev.scopegate.transport.ws;

import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcError;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open WebSocket connections, in total and per tenant (operators count as one); admitted and
 * released on every event loop, so both counts are atomic (see {@link TenantCounts}).
 */
public final class WsLimits {
  private final int total;
  private final int perTenant;
  private final AtomicInteger open = new AtomicInteger();
  private final TenantCounts byTenant = new TenantCounts();

  public WsLimits(int total, int perTenant) {
    this.total = total;
    this.perTenant = perTenant;
  }

  /** Takes a place for {@code principal}, or throws {@code too many connections}. */
  public void admit(Principal principal) {
    if (open.incrementAndGet() > total) {
      open.decrementAndGet();
      throw RpcError.TOO_MANY_CONNECTIONS.withData("at most " + total + " WebSocket connections");
    }
    if (!byTenant.tryTake(key(principal), perTenant)) {
      open.decrementAndGet();
      throw RpcError.TOO_MANY_CONNECTIONS.withData("at most " + perTenant + " WebSocket connections per tenant");
    }
  }

  public void release(Principal principal) {
    open.decrementAndGet();
    byTenant.give(key(principal));
  }

  public int open() {
    return open.get();
  }

  private static String key(Principal principal) {
    return principal.isOperator() ? "operators" : "tenant:" + principal.tenantId().orElse(principal.subject());
  }
}
