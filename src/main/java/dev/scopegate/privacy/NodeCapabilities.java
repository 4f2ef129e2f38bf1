package dev.scopegate.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * What the node serves that the index depends on, detected at start: the {@code debug} API (for
 * contracts created inside transactions), privacy markers (GoQuorum 21.7.1+), and whether it runs
 * multiple private states (which Scopegate cannot route tenants to yet).
 */
public record NodeCapabilities(
    boolean debug,
    boolean traceCall,
    Optional<String> markerPrecompile,
    boolean multiplePrivateStates) {

  /** Before detection: nothing assumed. */
  static final NodeCapabilities UNKNOWN = new NodeCapabilities(false, false, Optional.empty(), false);

  private static final String ZERO = "0x0000000000000000000000000000000000000000";

  static Future<NodeCapabilities> detect(NodeRpc node) {
    Future<Boolean> debug =
        node.ask("rpc_modules").map(a -> !a.isError() && a.result().has("debug"));
    Future<Optional<String>> precompile =
        node.ask("eth_getPrivacyPrecompileAddress")
            .map(a -> a.isError() ? Optional.<String>empty() : Optional.of(ChainFormat.lower(a.result())));
    Future<Boolean> mps = node.ask("eth_getPSI").map(a -> !a.isError() && isNamedState(a.result()));
    Future<Boolean> traceCall =
        node.ask("debug_traceCall", java.util.Map.of("to", ZERO), "latest", java.util.Map.of("tracer", "prestateTracer"))
            .map(a -> !a.isError());
    return Future.all(debug, traceCall, precompile, mps)
        .map(all -> new NodeCapabilities(debug.result(), traceCall.result(), precompile.result(), mps.result()));
  }

  /**
   * Before 21.4.2 a node has no PSI method; a node with one private state names it "private";
   * a node with multiple private states names another (the caller's resolved state).
   */
  private static boolean isNamedState(JsonNode psi) {
    return psi != null && psi.isTextual() && !psi.asText().isEmpty() && !psi.asText().equals("private");
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
