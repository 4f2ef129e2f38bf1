package dev.scopegate.mode;

import java.util.Locale;
import java.util.Optional;

/** What kind of node Scopegate fronts (DESIGN.md, "Deployment modes"). */
public enum NodeMode {
  /** One private state: {@code private://} scopes, the privacy index isolates tenants. */
  SINGLE("one private state"),
  /** Multiple private states (GoQuorum 21.4.2+): {@code psi://} scopes, the node isolates. */
  MPS("multiple private states"),
  /** No private state (geth, Besu, anvil). */
  PUBLIC("no private state");

  private final String description;

  NodeMode(String description) {
    this.description = description;
  }

  /** The startup line's words. */
  public String description() {
    return description;
  }

  /** {@code upstream.mode}'s spelling. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code single}, {@code mps}, {@code public}; empty for anything else. */
  public static Optional<NodeMode> of(String key) {
    for (NodeMode m : values()) {
      if (m.key().equals(key)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
