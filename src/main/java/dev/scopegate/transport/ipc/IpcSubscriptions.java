package dev.scopegate.transport.ipc;

import dev.scopegate.transport.ws.ConnectionSubscriptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One IPC connection's subscriptions, one registry per PSI its message ids name (GoQuorum's
 * {@code "<PSI>/<n>"}, rpc/security.go {@code decodePSI}) plus the default one: a PSI's registry
 * is fed by that PSI's shared node socket, leased on first use and released when the connection
 * closes, so its notifications carry that PSI's logs and heads only. A subscription id lives in
 * the registry it was made in: it is cancelled with the same prefix.
 */
final class IpcSubscriptions {
  /** A PSI's registry with what releases its socket. */
  record Leased(ConnectionSubscriptions subscriptions, Runnable release) {}

  private final ConnectionSubscriptions fallback;
  private final Function<String, Leased> lease;
  private final Map<String, Leased> byPsi = new HashMap<>();
  private boolean closed;

  IpcSubscriptions(ConnectionSubscriptions fallback, Function<String, Leased> lease) {
    this.fallback = fallback;
    this.lease = lease;
  }

  /** The registry for messages naming {@code psi} (none: the default); leases its socket once. */
  synchronized ConnectionSubscriptions at(Optional<String> psi) {
    if (psi.isEmpty()) {
      return fallback;
    }
    if (closed) {
      throw new IllegalStateException("connection closed");
    }
    return byPsi.computeIfAbsent(psi.get(), lease).subscriptions();
  }

  /** The answers of messages up to {@code sequence} are written: their subscriptions may speak. */
  synchronized void announced(long sequence) {
    fallback.announced(sequence);
    byPsi.values().forEach(l -> l.subscriptions().announced(sequence));
  }

  /** The connection closed: every subscription ends, then each PSI's socket lease is released. */
  void closeAll() {
    List<Leased> held;
    synchronized (this) {
      closed = true;
      held = new ArrayList<>(byPsi.values());
      byPsi.clear();
    }
    fallback.closeAll();
    held.forEach(l -> l.subscriptions().closeAll().onComplete(done -> l.release().run()));
  }
}
