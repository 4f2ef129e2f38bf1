package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.jsonrpc.Json;
import java.util.Optional;

/**
 * {@code debug_traceTransaction} and {@code debug_traceBlockByNumber/ByHash} with geth 1.9's {@code
 * callTracer} or {@code prestateTracer} (GoQuorum 21.1): private transactions as this node ran them against its private
 * state; a block's traces as {@code [{"result": frame}, ...]} in transaction order. Without a
 * tracer, the struct logger's shape with no steps (the dev node runs no opcodes). {@code
 * debug_traceCall} (21.7+) is {@link TraceCall}.
 */
final class TraceMethods {
  private TraceMethods() {}

  static void register(MethodTable table, Chain chain) {
    table
        .add("debug_traceTransaction", 2, p -> traceTransaction(chain, p))
        .add("debug_traceCall", 3, p -> TraceCall.trace(chain, p))
        .add(
            "debug_traceBlockByNumber",
            2,
            p -> {
              long number = number(chain, p);
              return traceBlock(chain.block(number), p, "#" + number);
            })
        .add(
            "debug_traceBlockByHash",
            2,
            p -> traceBlock(chain.block(p.hash(0)), p, p.hash(0).hex()));
  }

  private static JsonNode traceTransaction(Chain chain, NodeParams params) {
    Hash hash = params.hash(0);
    Tracer tracer = tracer(params);
    MinedTransaction mined =
        chain
            .transaction(hash)
            .orElseThrow(() -> NodeError.TRACE_TX_NOT_FOUND.exception(hash.hex()));
    return render(mined, tracer);
  }

  private static JsonNode traceBlock(Optional<Block> block, NodeParams params, String name) {
    Tracer tracer = tracer(params);
    Block found = block.orElseThrow(() -> NodeError.TRACE_BLOCK_NOT_FOUND.exception(name));
    if (found.number() == 0) {
      throw NodeError.GENESIS_NOT_TRACEABLE.exception();
    }
    ArrayNode results = Json.MAPPER.createArrayNode();
    for (int i = 0; i < found.transactions().size(); i++) {
      results.addObject().set("result", render(new MinedTransaction(found, i), tracer));
    }
    return results;
  }

  private static long number(Chain chain, NodeParams params) {
    BlockRef ref = params.get(0, BlockRef::number);
    return ref instanceof BlockRef.Number n ? n.number() : ref.stateBlock(chain).number();
  }

  private static JsonNode render(MinedTransaction mined, Tracer tracer) {
    return switch (tracer) {
      case STRUCT_LOGGER -> {
        ObjectNode steps = Json.MAPPER.createObjectNode();
        steps.put("gas", mined.receipt().gasUsed()).put("failed", false).put("returnValue", "");
        steps.putArray("structLogs");
        yield steps;
      }
      case CALL -> topFrame(mined.local().trace());
      case PRESTATE -> Prestate.render(mined.local().prestate());
    };
  }

  /** The top frame says how long tracing took, after its output and before its calls. */
  static ObjectNode topFrame(CallFrame trace) {
    ObjectNode frame = frame(trace);
    JsonNode calls = frame.remove("calls");
    frame.put("time", "0s");
    if (calls != null) {
      frame.set("calls", calls);
    }
    return frame;
  }

  /**
   * geth's callTracer field order: type, from, to, value, gas, gasUsed, input, output, calls. As
   * {@code call_tracer.js} ({@code finalize}) leaves them: DELEGATECALL and STATICCALL frames have
   * no value; a SELFDESTRUCT frame is type, from, to (the beneficiary) and value (the balance) only.
   */
  static ObjectNode frame(CallFrame frame) {
    ObjectNode json =
        Json.MAPPER
            .createObjectNode()
            .put("type", frame.type())
            .put("from", frame.from().hex())
            .put("to", frame.to().hex());
    if (frame.type().equals("SELFDESTRUCT")) {
      return json.put("value", Hex.quantity(frame.value()));
    }
    if (!frame.type().equals("DELEGATECALL") && !frame.type().equals("STATICCALL")) {
      json.put("value", Hex.quantity(frame.value()));
    }
    json.put("gas", Hex.quantity(frame.gas()))
            .put("gasUsed", Hex.quantity(frame.gasUsed()))
            .put("input", frame.input())
            .put("output", frame.output());
    if (!frame.calls().isEmpty()) {
      ArrayNode calls = json.putArray("calls");
      frame.calls().forEach(call -> calls.add(frame(call)));
    }
    return json;
  }

  /** The tracer named in the config (param 1). */
  private static Tracer tracer(NodeParams params) {
    return Tracer.of(params.optional(1));
  }
}
