package dev.scopegate.isolation.guard;

import dev.scopegate.codec.Params;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.policy.Decision;
import dev.scopegate.policy.Guard;
import io.vertx.core.Future;
import java.util.function.Function;

/**
 * Calls that execute code ({@code eth_call}, {@code eth_estimateGas}, …): the block is pinned;
 * the target must be public or the tenant's; state overrides may not name a private contract the
 * tenant is not party to; and, where the node serves {@code debug_traceCall}, the call is traced
 * first — with its overrides applied — and refused when anything it touches is a private contract
 * the tenant is not party to ({@link ReachCheck}). Without that capability only the target is
 * checked (the README states the limit).
 */
public final class ExecutionGuard implements Guard {
  private final int blockIndex;
  private final ReachCheck reach;
  private final Function<RpcRequest, CallOverrides> overrides;

  public ExecutionGuard(ReachCheck reach, int blockIndex, Function<RpcRequest, CallOverrides> overrides) {
    this.reach = reach;
    this.blockIndex = blockIndex;
    this.overrides = overrides;
  }

  @Override
  public Future<Decision> check(Principal tenant, RpcRequest request) {
    return Attempt.of(() -> {
      JsonNode call = Params.object(request, 0);
      String to = Params.addressField(call, "to").orElse(null);
      CallOverrides asked = overrides.apply(request);
      return Pinned.pin(reach.context(), request, blockIndex).compose(pinned -> {
        Future<Void> target =
            to == null ? Future.succeededFuture() : reach.requireReadable(tenant, to, pinned.block());
        return target
            .compose(v -> reach.call(tenant, call, pinned.block(), asked))
            .map(v -> Decision.forward(pinned.request()));
      });
    });
  }
}
