package dev.scopegate.privacy;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * What the node serves that the index depends on, detected at start: the {@code debug} API (for
 * contracts created inside transactions) and privacy markers (GoQuorum 21.7.1+). Whether it runs
 * multiple private states is the node's mode ({@link dev.scopegate.mode.ModeProbe}).
 */
public record NodeCapabilities(
    boolean debug,
    boolean traceCall,
    Optional<String> markerPrecompile) {

  /** Before detection: nothing assumed. */
  static final NodeCapabilities UNKNOWN = new NodeCapabilities(false, false, Optional.empty());

  private static final String ZERO = "0x0000000000000000000000000000000000000000";

  static Future<NodeCapabilities> detect(NodeRpc node) {
    Future<Boolean> debug =
        node.ask("rpc_modules").map(a -> !a.isError() && a.result().has("debug"));
    Future<Optional<String>> precompile =
        node.ask("eth_getPrivacyPrecompileAddress")
            .map(a -> a.isError() ? Optional.<String>empty() : Optional.of(ChainFormat.lower(a.result())));
    Future<Boolean> traceCall =
        node.ask("debug_traceCall", java.util.Map.of("to", ZERO), "latest", java.util.Map.of("tracer", "prestateTracer"))
            .map(a -> !a.isError());
    return Future.all(debug, traceCall, precompile)
        .map(all -> new NodeCapabilities(debug.result(), traceCall.result(), precompile.result()));
  }

  /** One line for the log and the README's capability statement. */
  public String describe() {
    return "debug API "
        + (debug ? "available" : "MISSING: contracts created inside transactions stay unknown and are refused to tenants")
        + "; debug_traceCall "
        + (traceCall ? "available" : "MISSING: a tenant's call is checked by its target only, not by what it reaches inside the EVM")
        + "; privacy markers "
        + markerPrecompile.map(p -> "at " + p).orElse("not served");
  }
}
