package dev.scopegate.privacy;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * What the node serves that the index depends on, detected at start: the {@code debug} API (for
 * contracts created inside transactions), {@code debug_traceCall} (to see what a tenant's call or
 * transaction touches before it runs) and whether it applies state overrides, and privacy markers
 * (GoQuorum 21.7.1+). Whether it runs multiple private states, or none, is the node's mode
 * ({@link dev.scopegate.mode.ModeProbe}).
 */
public record NodeCapabilities(
    boolean debug,
    boolean traceCall,
    boolean traceCallOverrides,
    Optional<String> markerPrecompile) {

  /** Before detection: nothing assumed. */
  static final NodeCapabilities UNKNOWN = new NodeCapabilities(false, false, false, Optional.empty());

  /** JSON-RPC "method not found" (geth rpc/errors.go methodNotFoundError.ErrorCode). */
  private static final int METHOD_NOT_FOUND = -32601;
  private static final String ZERO = "0x0000000000000000000000000000000000000000";

  /**
   * An address no one holds a key for, given code in the probe's state override: a trace that
   * applies {@code stateOverrides} shows that code in its prestate. geth before 1.10 has no such
   * field in its trace config and Go's decoder drops it silently, so only this shows it is applied.
   */
  private static final String PROBE = "0x5c09e6a7e0000000000000000000000000000001";
  private static final String PROBE_CODE = "0x5c09e6a7";

  static Future<NodeCapabilities> detect(NodeRpc node) {
    // The method the index uses, probed itself: anvil serves debug_* without rpc_modules, and
    // a node may list a module it does not serve in full. Tracing genesis fails on geth
    // ("genesis is not traceable"), which still says the method is served.
    Future<Boolean> debug =
        node.ask("debug_traceBlockByNumber", "0x0", java.util.Map.of("tracer", "callTracer")).map(NodeCapabilities::served);
    Future<Optional<String>> precompile =
        node.ask("eth_getPrivacyPrecompileAddress")
            .map(a -> a.isError() ? Optional.<String>empty() : Optional.of(ChainFormat.lower(a.result())));
    Future<Boolean> traceCall =
        node.ask("debug_traceCall", java.util.Map.of("to", ZERO), "latest", java.util.Map.of("tracer", "prestateTracer"))
            .map(a -> !a.isError());
    // (debug_traceCall must answer, not just exist: a call to the zero address cannot fail.)
    Future<Boolean> overrides =
        node.ask(
                "debug_traceCall",
                java.util.Map.of("to", PROBE),
                "latest",
                java.util.Map.of(
                    "tracer", "prestateTracer",
                    "stateOverrides", java.util.Map.of(PROBE, java.util.Map.of("code", PROBE_CODE))))
            .map(a -> !a.isError() && PROBE_CODE.equals(a.result().path(PROBE).path("code").asText()));
    return Future.all(List.of(debug, traceCall, overrides, precompile))
        .map(all -> new NodeCapabilities(
            debug.result(), traceCall.result(), overrides.result(), precompile.result()));
  }

  /** Any answer but "method not found" means the node serves the method. */
  private static boolean served(dev.scopegate.upstream.Answer answer) {
    return !answer.isError() || answer.error().path("code").asInt() != METHOD_NOT_FOUND;
  }

  /** One line for the log and the README's capability statement. */
  public String describe() {
    return "debug API "
        + (debug ? "available" : "MISSING: contracts created inside transactions stay unknown and are refused to tenants")
        + "; debug_traceCall "
        + (traceCall
            ? "available"
            : "MISSING: a tenant's call or transaction is checked by its target only, not by what it reaches inside the EVM")
        + "; state overrides in traces "
        + (traceCallOverrides ? "applied" : "NOT APPLIED: tenants' calls with state overrides are refused")
        + "; privacy markers "
        + markerPrecompile.map(p -> "at " + p).orElse("not served");
  }
}
