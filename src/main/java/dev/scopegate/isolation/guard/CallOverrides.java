package dev.scopegate.isolation.guard;

import dev.scopegate.codec.GoFields;
import dev.scopegate.codec.Params;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcRequest;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a call asks the node to pretend: state overrides ({@code eth_call}'s third param, {@code
 * eth_estimateGas}' and {@code eth_createAccessList}'s where the node takes one, {@code
 * debug_traceCall}'s {@code stateOverrides}: a map from address to nonce, code, balance, state,
 * stateDiff — GoQuorum's {@code internal/ethapi/api.go} {@code account}) and block overrides
 * ({@code eth_call}'s fourth param, {@code debug_traceCall}'s {@code blockOverrides}, geth 1.11+).
 * Both are handed to the trace unchanged, so that it runs what the node will run.
 */
public record CallOverrides(Optional<JsonNode> state, Optional<JsonNode> block) {
  public static final CallOverrides NONE = new CallOverrides(Optional.empty(), Optional.empty());

  public CallOverrides {
    state.ifPresent(s -> requireObject(s, "state overrides"));
    block.ifPresent(b -> requireObject(b, "block overrides"));
    state.ifPresent(CallOverrides::addressesOf); // a key the node cannot decode is invalid now
  }

  /** {@code eth_call(call, block, stateOverrides, blockOverrides)}. */
  public static CallOverrides ofCall(RpcRequest request) {
    return new CallOverrides(Params.optional(request, 2), Params.optional(request, 3));
  }

  /** {@code eth_estimateGas} and {@code eth_createAccessList}: state overrides as param 2. */
  public static CallOverrides ofEstimate(RpcRequest request) {
    return new CallOverrides(Params.optional(request, 2), Optional.empty());
  }

  /** {@code debug_traceCall(call, block, config)}: the config's overrides. */
  public static CallOverrides ofTraceConfig(RpcRequest request) {
    Optional<JsonNode> config = Params.optional(request, 2);
    if (config.isEmpty()) {
      return NONE;
    }
    requireObject(config.get(), "the trace config");
    return new CallOverrides(
        GoFields.field(config.get(), "stateOverrides"), GoFields.field(config.get(), "blockOverrides"));
  }

  public boolean isEmpty() {
    return state.isEmpty() && block.isEmpty();
  }

  /**
   * The addresses the state overrides name, as the node decodes them ({@code common.Address} map
   * keys: 0x and 40 hex digits in any case); a key the node could not decode is invalid.
   */
  public Set<String> addresses() {
    return state.map(CallOverrides::addressesOf).orElse(Set.of());
  }

  private static Set<String> addressesOf(JsonNode state) {
    Set<String> named = new LinkedHashSet<>();
    state.fieldNames().forEachRemaining(
        key -> named.add(Params.address(TextNode.valueOf(key), "state override address")));
    return named;
  }

  private static void requireObject(JsonNode value, String what) {
    if (!value.isObject()) {
      throw RpcError.INVALID_PARAMS.withData(what + " must be an object");
    }
  }
}
