package dev.scopegate.upstream;

/** The node as seen from one private state (multiple private states, GoQuorum 21.4.2+). */
@FunctionalInterface
public interface PsiUpstreams {
  /** The node serving {@code psi}: every forward names it the way the node reads it. */
  Upstream at(String psi);
}
