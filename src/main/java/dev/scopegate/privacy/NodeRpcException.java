package dev.scopegate.privacy;

/** The node answered a call of Scopegate's own with an error. */
public final class NodeRpcException extends RuntimeException {
  public NodeRpcException(String message) {
    super(message, null, false, false);
  }
}
