package dev.scopegate.privacy;

import dev.scopegate.upstream.Answer;
import io.vertx.core.Future;

/**
 * What kind of node Scopegate stands in front of, detected at start and again after the node's
 * socket came back: one with private state ({@link #SINGLE}, GoQuorum) or one without
 * ({@link #PUBLIC}: geth, Besu, anvil). Only the node's definite "method not found" for
 * GoQuorum's privacy-metadata method selects public mode; a node that fails or is slow to answer
 * leaves the mode undetected, and tenants' private questions fail closed meanwhile.
 * (Multiple private states are detected in {@link NodeCapabilities} for now.)
 */
public enum NodeMode {
  /** Not detected yet: no privacy fact can be established. */
  UNDETECTED("not detected yet"),
  /** One private state (GoQuorum without MPS): the privacy index says who is party to what. */
  SINGLE("private state (GoQuorum): tenants isolated by the privacy index"),
  /** No private state: tenants' reads are forwarded as they are; scopes, limits and accounts apply. */
  PUBLIC("public (the node has no private state: no privacy index, no privacy manager needed;"
      + " scopes, limits and accounts still apply)");

  /** JSON-RPC "method not found" (geth rpc/errors.go methodNotFoundError.ErrorCode). */
  static final int METHOD_NOT_FOUND = -32601;
  private static final String PROBE_ADDRESS = "0x0000000000000000000000000000000000000000";

  private final String description;

  NodeMode(String description) {
    this.description = description;
  }

  /** For the startup line. */
  public String describe() {
    return description;
  }

  /**
   * Asks the node for the privacy metadata of the zero address. GoQuorum answers (an error "not a
   * private contract", or metadata); a node without private state says the method does not
   * exist. GoQuorum's payload method is asked too, so that a proxy in front of GoQuorum that
   * filters the one method alone cannot pass it off as public. A failed or timed-out request
   * fails the future: the mode stays undetected.
   */
  public static Future<NodeMode> detect(NodeRpc node) {
    Future<Answer> metadata = node.ask("eth_getContractPrivacyMetadata", PROBE_ADDRESS);
    Future<Answer> payload = node.ask("eth_getQuorumPayload", "0x" + "00".repeat(64));
    return Future.all(metadata, payload)
        .map(both -> notFound(metadata.result()) && notFound(payload.result()) ? PUBLIC : SINGLE);
  }

  private static boolean notFound(Answer answer) {
    return answer.isError() && answer.error().path("code").asInt() == METHOD_NOT_FOUND;
  }
}
