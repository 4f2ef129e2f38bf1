package dev.scopegate.mode;

/** {@code upstream.mode} pins one mode and the node answers as another: startup stops. */
public final class ModeMismatchException extends RuntimeException {
  public ModeMismatchException(NodeMode pinned, NodeMode found) {
    super("upstream.mode is " + pinned.key() + " but the node runs " + found.description()
        + " (" + found.key() + "); fix upstream.mode or point upstream.http at the right node",
        null, false, false);
  }
}
