package dev.scopegate.policy;

/** Who may call a method, before any guard looks at its arguments. */
public enum Access {
  /** Public chain or node data: a tenant with a covering {@code rpc://} grant. */
  PUBLIC,
  /** Can reach private state or the node's accounts: a tenant only through the method's guard. */
  GUARDED,
  /** Administration, topology, whole-state dumps: operators only, whatever a token grants. */
  OPERATOR
}
