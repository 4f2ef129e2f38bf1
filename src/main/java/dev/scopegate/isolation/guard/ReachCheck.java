package dev.scopegate.isolation.guard;

import dev.scopegate.isolation.GuardContext;
import dev.scopegate.isolation.Party;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.privacy.BlockPinner;
import dev.scopegate.privacy.ContractPrivacy;
import dev.scopegate.privacy.NodeRpcException;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one check of what code would touch, for calls, transactions before they are sent, and traces
 * of mined transactions: the node traces it — with the caller's state overrides applied — and every
 * account the trace reports must be public or the tenant's. "Reports" is the union of two of the
 * node's tracers: {@code prestateTracer} (every account looked up: calls, creations, code and
 * balance reads) and {@code callTracer} (every frame's sender and target, which adds SELFDESTRUCT
 * beneficiaries: GoQuorum's {@code prestate_tracer.js} does not look those up). EXTCODEHASH is
 * reported by neither on GoQuorum; the README states that limit.
 */
public final class ReachCheck {
  private static final String TIMEOUT = "10s";

  private final GuardContext context;
  private final TracedReach traced;

  public ReachCheck(GuardContext context) {
    this.context = context;
    this.traced = new TracedReach(() -> context.pinner().lineage());
  }

  public GuardContext context() {
    return context;
  }

  /**
   * A call ({@code eth_call}'s object, or a transaction as one) traced at {@code block}. Without
   * {@code debug_traceCall} nothing is traced (the caller has checked the target; the start line
   * and the README say so) — but state overrides, which only a trace could check, are refused.
   */
  public Future<Void> call(Principal tenant, JsonNode call, long block, CallOverrides overrides) {
    return call(tenant, call, block, overrides, Party.READER);
  }

  public Future<Void> call(Principal tenant, JsonNode call, long block, CallOverrides overrides, Party party) {
    if (context.resolver().publicMode()) {
      return Future.succeededFuture(); // no private state: nothing a trace could reach
    }
    Future<Void> named = overrides.isEmpty() ? Future.succeededFuture() : overridden(tenant, overrides, block);
    return named.compose(v -> {
      if (!context.capabilities().get().traceCall()) {
        return Future.succeededFuture();
      }
      return traced.touched(call, block, overrides, () -> trace(call, block, overrides))
          // Whether the node's traces see private state at all is the node's capability, probed
          // and logged once (CallTraceProbe), never guessed from one call: a blind trace still
          // shows the target and the public accounts, and every one of them is checked.
          .compose(touched -> require(tenant, touched, block, party));
    });
  }

  private Future<Set<String>> trace(JsonNode call, long block, CallOverrides overrides) {
    Future<JsonNode> prestate = traceCall(call, block, "prestateTracer", overrides);
    Future<JsonNode> frames = traceCall(call, block, "callTracer", overrides);
    return Future.all(prestate, frames)
        .recover(ReachCheck::untraceable)
        .map(both -> touched(prestate.result(), frames.result()));
  }

  /** A mined transaction, by what the node's traces of it report, at the block it was mined in. */
  public Future<Void> mined(Principal tenant, String hash) {
    if (context.resolver().publicMode()) {
      return Future.succeededFuture();
    }
    Future<JsonNode> prestate = traceTransaction(hash, "prestateTracer");
    Future<JsonNode> frames = traceTransaction(hash, "callTracer");
    Future<Long> block = context.node().call("eth_getTransactionByHash", hash).compose(ReachCheck::minedIn);
    return Future.all(prestate, frames, block)
        .recover(ReachCheck::untraceable)
        .compose(all -> require(tenant, touched(prestate.result(), frames.result()), block.result(), Party.READER));
  }

  /** Every address in {@code addresses} must be public or the tenant's at {@code block}. */
  public Future<Void> require(Principal tenant, Set<String> addresses, long block, Party party) {
    List<Future<Void>> checks = new ArrayList<>();
    addresses.forEach(address -> checks.add(require(tenant, address, block, party)));
    return Future.all(checks).mapEmpty();
  }

  public Future<Void> requireReadable(Principal tenant, String address, long block) {
    return require(tenant, address, block, Party.READER);
  }

  private Future<Void> require(Principal tenant, String address, long block, Party party) {
    return context.resolver().contract(address, block).compose(privacy -> party.is(tenant, privacy)
        ? Future.<Void>succeededFuture()
        : Future.failedFuture(RpcError.NOT_AUTHORIZED.exception()));
  }

  /**
   * State overrides may not name a private contract the tenant is not party to (they would replace
   * its code or storage, or read it back), and are refused outright where the node's trace would
   * not apply them: the trace would then check another call than the one the node runs.
   */
  private Future<Void> overridden(Principal tenant, CallOverrides overrides, long block) {
    return require(tenant, overrides.addresses(), block, Party.READER).compose(v ->
        overrides.state().isEmpty() || context.capabilities().get().traceCallOverrides()
            ? Future.succeededFuture()
            : Future.failedFuture(RpcError.NOT_AUTHORIZED.withData(
                "state overrides cannot be checked: the node's debug_traceCall does not apply them")));
  }

  private Future<JsonNode> traceCall(JsonNode call, long block, String tracer, CallOverrides overrides) {
    ObjectNode config = Json.MAPPER.createObjectNode().put("tracer", tracer).put("timeout", TIMEOUT);
    overrides.state().ifPresent(state -> config.set("stateOverrides", state));
    overrides.block().ifPresent(blockOverrides -> config.set("blockOverrides", blockOverrides));
    return context.node().call("debug_traceCall", call, BlockPinner.asParameter(block), config);
  }

  private Future<JsonNode> traceTransaction(String hash, String tracer) {
    return context.node().call("debug_traceTransaction", hash, Json.MAPPER.createObjectNode()
        .put("tracer", tracer).put("timeout", TIMEOUT));
  }

  private static Future<Long> minedIn(JsonNode tx) {
    JsonNode number = tx == null ? MissingNode.getInstance() : tx.path("blockNumber");
    if (!number.isTextual()) {
      return Future.failedFuture(RpcError.PRIVACY_UNAVAILABLE.withData("the transaction is not mined yet"));
    }
    return Future.succeededFuture(Long.parseUnsignedLong(number.asText().substring(2), 16));
  }

  private static <T> Future<T> untraceable(Throwable failure) {
    return Future.failedFuture(failure instanceof NodeRpcException refused
        ? RpcError.PRIVACY_UNAVAILABLE.withData("the node could not trace it: " + refused.getMessage())
        : failure);
  }

  /** The prestate's accounts and every frame's {@code from} and {@code to}, lower-cased. */
  public static Set<String> touched(JsonNode prestate, JsonNode frame) {
    Set<String> accounts = new LinkedHashSet<>();
    prestate.fieldNames().forEachRemaining(account -> accounts.add(account.toLowerCase(Locale.ROOT)));
    addFrames(frame, accounts);
    return accounts;
  }

  private static void addFrames(JsonNode frame, Set<String> accounts) {
    for (String field : new String[] {"from", "to"}) {
      JsonNode address = frame.path(field);
      if (address.isTextual()) {
        accounts.add(address.asText().toLowerCase(Locale.ROOT));
      }
    }
    frame.path("calls").forEach(inner -> addFrames(inner, accounts));
  }
}
