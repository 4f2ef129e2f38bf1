package dev.scopegate.isolation;

import com.fasterxml.jackson.databind.node.MissingNode;
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
  private final BlindTraceWarning blind;

  ExecutionGuard(GuardContext context, int blockIndex, BlindTraceWarning blind) {
    this.context = context;
    this.blockIndex = blockIndex;
    this.blind = blind;
  }

  @Override
  public Future<Decision> check(Principal tenant, RpcRequest request) {
    return Attempt.of(() -> {
      JsonNode call = Params.object(request, 0);
      String to = Params.addressField(call, "to").orElse(null);
      return Pinned.pin(context, request, blockIndex).compose(pinned -> {
        Future<Void> target = to == null ? Future.succeededFuture() : requireReadable(tenant, to, pinned.block());
        return target
            .compose(v -> traced(tenant, call, to, pinned.block()))
            .map(v -> Decision.forward(pinned.request()));
      });
    });
  }

  /**
   * Every account the call would touch must be public or the tenant's. GoQuorum 21.7 to 23.4
   * trace calls against the public state only (quorum#1674): a private target then shows no code
   * in the trace, which says nothing about what the call reaches. Such a blind trace is treated
   * as no trace: the target alone was checked (the README states this limit), and it is logged.
   */
  private Future<Void> traced(Principal tenant, JsonNode call, String to, long block) {
    if (!context.capabilities().get().traceCall()) {
      return Future.succeededFuture();
    }
    return context.node()
        .call("debug_traceCall", call, BlockPinner.asParameter(block), PRESTATE)
        .compose(prestate -> blindTo(prestate, to, block).compose(blindToTarget -> {
          if (blindToTarget) {
            blind.once();
            return Future.succeededFuture();
          }
          List<Future<Void>> checks = new ArrayList<>();
          prestate.fieldNames().forEachRemaining(
              account -> checks.add(requireReadable(tenant, account.toLowerCase(Locale.ROOT), block)));
          return Future.all(checks).<Void>mapEmpty();
        }), failure -> Future.failedFuture(failure instanceof NodeRpcException refused
            ? RpcError.PRIVACY_UNAVAILABLE.withData("the node could not trace the call: " + refused.getMessage())
            : failure));
  }

  /** Whether a private target shows no code in the prestate: the trace did not see private state. */
  private Future<Boolean> blindTo(JsonNode prestate, String to, long block) {
    if (to == null) {
      return Future.succeededFuture(false);
    }
    JsonNode code = findAccount(prestate, to).path("code");
    boolean noCode = code.isMissingNode() || code.isNull() || code.asText("0x").equals("0x");
    if (!noCode) {
      return Future.succeededFuture(false);
    }
    return context.resolver().contract(to, block).map(privacy -> privacy instanceof ContractPrivacy.Private);
  }

  private static JsonNode findAccount(JsonNode prestate, String address) {
    var names = prestate.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (name.equalsIgnoreCase(address)) {
        return prestate.get(name);
      }
    }
    return MissingNode.getInstance();
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
