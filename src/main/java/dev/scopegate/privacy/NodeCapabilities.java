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
    boolean debug, Optional<String> markerPrecompile, boolean multiplePrivateStates) {

  /** Before detection: nothing assumed. */
  static final NodeCapabilities UNKNOWN = new NodeCapabilities(false, Optional.empty(), false);

  static Future<NodeCapabilities> detect(NodeRpc node) {
    Future<Boolean> debug =
        node.ask("rpc_modules").map(a -> !a.isError() && a.result().has("debug"));
    Future<Optional<String>> precompile =
        node.ask("eth_getPrivacyPrecompileAddress")
            .map(a -> a.isError() ? Optional.<String>empty() : Optional.of(ChainFormat.lower(a.result())));
    Future<Boolean> mps = node.ask("eth_getPSI").map(a -> !a.isError() && isNamedState(a.result()));
    return Future.all(debug, precompile, mps)
        .map(all -> new NodeCapabilities(debug.result(), precompile.result(), mps.result()));
  }

  /** A node with one private state has no PSI method; an MPS node names the caller's state. */
  private static boolean isNamedState(JsonNode psi) {
    return psi != null && psi.isTextual() && !psi.asText().isEmpty();
  }

  /** One line for the log and the README's capability statement. */
  public String describe() {
    return "debug API "
        + (debug ? "available" : "MISSING: contracts created inside transactions stay unknown and are refused to tenants")
        + "; privacy markers "
        + markerPrecompile.map(p -> "at " + p).orElse("not served");
  }
}
