package dev.scopegate.transport.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.isolation.PrivacyFacts;
import dev.scopegate.isolation.filter.VisibleLogs;
import dev.scopegate.privacy.PrivacyResolver;
import io.vertx.core.Future;
import java.util.List;

/**
 * Whether a tenant may see one log of a {@code logs} subscription: the same rule, in the same
 * place, as {@code eth_getLogs} ({@link VisibleLogs}).
 */
public final class LogVisibility {
  /** Multiple private states: the node sends a PSI's socket only that PSI's logs. */
  static final LogVisibility NODE_ISOLATES = new LogVisibility(null);

  private final VisibleLogs logs;

  LogVisibility(PrivacyResolver resolver) {
    this.logs = resolver == null ? null : new VisibleLogs(PrivacyFacts.of(resolver));
  }

  Future<Boolean> visible(Principal tenant, JsonNode log) {
    if (logs == null) {
      return Future.succeededFuture(true);
    }
    return logs.of(tenant, List.of(log)).map(shown -> !shown.isEmpty());
  }
}
