package dev.scopegate.transport.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.isolation.PrivacyFacts;
import dev.scopegate.isolation.VisibleLogs;
import dev.scopegate.privacy.PrivacyResolver;
import io.vertx.core.Future;
import java.util.List;

/**
 * Whether a tenant may see one log of a {@code logs} subscription: the same rule, in the same
 * place, as {@code eth_getLogs} ({@link VisibleLogs}).
 */
public final class LogVisibility {
  private final VisibleLogs logs;

  LogVisibility(PrivacyResolver resolver) {
    this.logs = new VisibleLogs(PrivacyFacts.of(resolver));
  }

  Future<Boolean> visible(Principal tenant, JsonNode log) {
    return logs.of(tenant, List.of(log)).map(shown -> !shown.isEmpty());
  }
}
