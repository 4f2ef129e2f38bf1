package dev.scopegate.devnode;

import java.util.Optional;

/**
 * What only this node knows of a mined transaction: its private receipt (every private transaction
 * has one; a privacy marker has one only where a managed key is party), its {@code callTracer}
 * frame, and for a marker, the internal private transaction.
 */
public record LocalResult(
    Optional<Receipt> privateReceipt,
    CallFrame trace,
    boolean marker,
    Optional<Transaction> inner) {

  static LocalResult publicTx(CallFrame trace) {
    return new LocalResult(Optional.empty(), trace, false, Optional.empty());
  }
}
