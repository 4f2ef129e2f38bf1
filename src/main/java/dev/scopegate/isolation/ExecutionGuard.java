package dev.scopegate.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.policy.Decision;
import dev.scopegate.policy.Guard;
import dev.scopegate.privacy.BlockPinner;
import dev.scopegate.privacy.ContractPrivacy;
import dev.scopegate.privacy.NodeRpcException;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Calls that execute code ({@code eth_call}, {@code eth_estimateGas}, …): the block is pinned;
 * the target must be public or the tenant's; and, where the node serves {@code debug_traceCall},
 * the call is traced first with the prestate tracer — which lists every account the execution
 * touched, code and balance reads included — and refused when any of them is a private contract
 * the tenant is not party to. Without that capability only the target is checked (the README
 * states the limit).
 */
final class ExecutionGuard implements Guard {
  private static final Map<String, String> PRESTATE = Map.of("tracer", "prestateTracer", "timeout", "10s");

  private final GuardContext context;
  private final int blockIndex;

  ExecutionGuard(GuardContext context, int blockIndex) {
    this.context = context;
    this.blockIndex = blockIndex;
  }

  @Override
  public Future<Decision> check(Principal tenant, RpcRequest request) {
    return Attempt.of(() -> {
      JsonNode call = Params.object(request, 0);
      String to = Params.addressField(call, "to").orElse(null);
      return Pinned.pin(context, request, blockIndex).compose(pinned -> {
        Future<Void> target = to == null ? Future.succeededFuture() : requireReadable(tenant, to, pinned.block());
        return target
            .compose(v -> traced(tenant, call, pinned.block()))
            .map(v -> Decision.forward(pinned.request()));
      });
    });
  }

  /**
   * Every account the call would touch must be public or the tenant's. Whether the node's traces
   * see private state at all is a capability of the node, probed and logged once by the privacy
   * layer (CallTraceProbe); it is never guessed from one call's trace. A blind trace still shows
   * the target and the public accounts, and all of them are checked.
   */
  private Future<Void> traced(Principal tenant, JsonNode call, long block) {
    if (!context.capabilities().get().traceCall()) {
      return Future.succeededFuture();
    }
    return context.node()
        .call("debug_traceCall", call, BlockPinner.asParameter(block), PRESTATE)
        .compose(prestate -> {
          List<Future<Void>> checks = new ArrayList<>();
          prestate.fieldNames().forEachRemaining(
              account -> checks.add(requireReadable(tenant, account.toLowerCase(Locale.ROOT), block)));
          return Future.all(checks).<Void>mapEmpty();
        }, failure -> Future.failedFuture(failure instanceof NodeRpcException refused
            ? RpcError.PRIVACY_UNAVAILABLE.withData("the node could not trace the call: " + refused.getMessage())
            : failure));
  }

  private Future<Void> requireReadable(Principal tenant, String address, long block) {
    return context.resolver().contract(address, block).compose(privacy -> {
      if (privacy instanceof ContractPrivacy.Private p && !TenantKeys.isParty(tenant, p.parties())) {
        return Future.failedFuture(RpcError.NOT_AUTHORIZED.exception());
      }
      return Future.succeededFuture();
    });
  }
}
