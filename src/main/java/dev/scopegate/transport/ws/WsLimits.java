package dev.scopegate.transport.ws;

import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcError;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Open WebSocket connections, in total and per tenant (operators count as one). */
public final class WsLimits {
  private final int total;
  private final int perTenant;
  private final AtomicInteger open = new AtomicInteger();
  private final Map<String, AtomicInteger> byTenant = new ConcurrentHashMap<>();

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
    AtomicInteger mine = byTenant.computeIfAbsent(key(principal), k -> new AtomicInteger());
    if (mine.incrementAndGet() > perTenant) {
      mine.decrementAndGet();
      open.decrementAndGet();
      throw RpcError.TOO_MANY_CONNECTIONS.withData("at most " + perTenant + " WebSocket connections per tenant");
    }
  }

  public void release(Principal principal) {
    open.decrementAndGet();
    byTenant.computeIfPresent(key(principal), (k, n) -> n.decrementAndGet() <= 0 ? null : n);
  }

  public int open() {
    return open.get();
  }

  private static String key(Principal principal) {
    return principal.isOperator() ? "operators" : "tenant:" + principal.tenantId().orElse(principal.subject());
  }
}
