package dev.scopegate.isolation;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says once per server, for all its execution guards, that the node's call traces are blind. */
final class BlindTraceWarning {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutionGuard.class);
  private final AtomicBoolean said = new AtomicBoolean();

  void once() {
    if (said.compareAndSet(false, true)) {
      LOG.warn("the node's debug_traceCall does not see private state (GoQuorum 21.7 to 23.4):"
          + " tenants' calls are checked by their target only, not by what they reach inside");
    }
  }
}
