package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.jsonrpc.ErrorBody;

/** A {@link NodeError} raised; the dispatcher turns it into the call's error object. */
public final class NodeException extends RuntimeException {
  private final NodeError error;

  NodeException(NodeError error, String message) {
    super(message, null, false, false);
    this.error = error;
  }

  public NodeError error() {
    return error;
  }

  ObjectNode toJson() {
    return new ErrorBody(error.code(), getMessage(), null).toJson();
  }
}
