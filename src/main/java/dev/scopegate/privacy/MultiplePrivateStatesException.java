package dev.scopegate.privacy;

/** The node runs multiple private states (GoQuorum 21.4.2+ MPS), which Scopegate cannot route yet. */
public final class MultiplePrivateStatesException extends RuntimeException {
  public MultiplePrivateStatesException() {
    super("the node runs multiple private states (eth_getPSI answers); routing tenants to their"
        + " private state is not supported yet: point Scopegate at a single-private-state node",
        null, false, false);
  }
}
