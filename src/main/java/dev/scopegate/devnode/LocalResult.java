package dev.scopegate.devnode;

import java.util.Optional;

/**
 * What only this node knows of a mined transaction: its private receipt (every private transaction
 * has one; a privacy marker has one only where a managed key is party), its {@code callTracer}
 * frame, the prestate of what it touched ({@code prestateTracer}), and for a marker, the internal
 * private transaction.
 */
public record LocalResult(
    Optional<Receipt> privateReceipt,
    CallFrame trace,
    boolean marker,
    Optional<Transaction> inner,
    Prestate.Snapshot prestate) {

  LocalResult(
      Optional<Receipt> privateReceipt, CallFrame trace, boolean marker, Optional<Transaction> inner) {
    this(privateReceipt, trace, marker, inner, RecordingStore.none());
  }

  static LocalResult publicTx(CallFrame trace, Prestate.Snapshot prestate) {
    return new LocalResult(Optional.empty(), trace, false, Optional.empty(), prestate);
  }
}
