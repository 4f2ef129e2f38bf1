package dev.scopegate.upstream.ws;

/** The node answered a subscription's call with an error: retrying the same call won't help. */
final class NodeRefused extends RuntimeException {
  private final String nodeMessage;

  NodeRefused(String method, String nodeMessage) {
    super(method + ": " + nodeMessage, null, false, false);
    this.nodeMessage = nodeMessage;
  }

  /** The node's own error message. */
  String nodeMessage() {
    return nodeMessage;
  }
}
