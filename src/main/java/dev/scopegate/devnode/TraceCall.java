package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.jsonrpc.Json;

/**
 * {@code debug_traceCall(call, block, config)} of GoQuorum 21.7+: the call run as {@code eth_call}
 * runs it, on top of the block, traced by the struct logger, {@code callTracer} or {@code
 * prestateTracer}. As geth 1.10 builds the message: the sender defaults to the zero address, the
 * gas to the RPC gas cap (25,000,000), which also caps it.
 *
 * <p>The dev node runs private calls against the private state, as GoQuorum does since the fix of
 * issue #1674 (2023). Earlier 21.7 to 23.4 nodes traced every call against the public state only: a
 * call to a private contract traced as a call to an empty account ({@link
 * Chain#traceCallsAgainstPublicStateOnly} makes the dev node do that). The config's {@code
 * stateOverrides} are applied as geth 1.10's {@code TraceCallConfig} applies them ({@code
 * eth/tracers/api.go}), unless {@link Chain#traceCallsIgnoreStateOverrides} makes the node behave
 * as one whose trace config has no such field.
 */
final class TraceCall {
  static final long GAS_CAP = 25_000_000;

  private TraceCall() {}

  static JsonNode trace(Chain chain, NodeParams params) {
    CallArgs args = params.get(0, CallArgs::decode);
    Block block = block(chain, params.get(1, BlockRef::numberOrHash));
    Tracer tracer = Tracer.of(params.optional(2));
    Address from = args.from().orElse(Address.ZERO);
    long gas = Math.min(args.gas().orElse(GAS_CAP), GAS_CAP);
    StateOverrides overrides =
        params
            .optional(2, config -> StateOverrides.decode(Tracer.config(config).get("stateOverrides")))
            .orElse(StateOverrides.NONE);
    Simulation simulation = chain.simulateForTrace(args, from, gas, block.number(), overrides);
    return switch (tracer) {
      case CALL -> TraceMethods.topFrame(simulation.effect().frame());
      case PRESTATE -> Prestate.render(simulation);
      case STRUCT_LOGGER -> structLogs(simulation);
    };
  }

  private static Block block(Chain chain, BlockRef ref) {
    String name;
    if (ref instanceof BlockRef.ByHash byHash) {
      name = byHash.hash().hex();
    } else if (ref instanceof BlockRef.Number number) {
      name = "#" + number.number();
    } else {
      name = ((BlockRef.Tag) ref).name();
    }
    return ref.find(chain).orElseThrow(() -> NodeError.TRACE_BLOCK_NOT_FOUND.exception(name));
  }

  private static ObjectNode structLogs(Simulation simulation) {
    CallFrame frame = simulation.effect().frame();
    ObjectNode json =
        Json.MAPPER
            .createObjectNode()
            .put("gas", frame.gasUsed())
            .put("failed", false)
            .put("returnValue", frame.output().substring(2));
    json.putArray("structLogs");
    return json;
  }
}
