package dev.scopegate.isolation.guard;

import dev.scopegate.codec.Params;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.policy.Decision;
import dev.scopegate.policy.Guard;
import io.vertx.core.Future;

/**
 * {@code debug_traceTransaction}: after {@code parties} (a private transaction the tenant is not
 * party to is refused), the transaction is traced by Scopegate with the touch-everything tracers
 * ({@link ReachCheck#mined}) — whatever tracer the tenant asked for — and refused when it touched
 * a private contract the tenant is not party to: the tenant's own transaction may have reached
 * another tenant's contract, and any tracer would show what it found there.
 */
public final class TraceTransactionGuard implements Guard {
  private final Guard parties;
  private final ReachCheck reach;

  public TraceTransactionGuard(Guard parties, ReachCheck reach) {
    this.parties = parties;
    this.reach = reach;
  }

  @Override
  public Future<Decision> check(Principal tenant, RpcRequest request) {
    return parties.check(tenant, request).compose(decision -> {
      if (!(decision instanceof Decision.Forward forward)) {
        return Future.succeededFuture(decision);
      }
      return Attempt.of(() -> reach.mined(tenant, Params.hash(request, 0))).map(v -> decision);
    });
  }
}
