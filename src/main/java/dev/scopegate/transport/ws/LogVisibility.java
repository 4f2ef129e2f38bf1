package dev.scopegate.transport.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.isolation.TenantKeys;
import dev.scopegate.privacy.ContractPrivacy;
import dev.scopegate.privacy.PrivacyResolver;
import io.vertx.core.Future;

/** Whether a tenant may see one log of a {@code logs} subscription: public or its key party. */
public final class LogVisibility {
  private final PrivacyResolver resolver;

  LogVisibility(PrivacyResolver resolver) {
    this.resolver = resolver;
  }

  Future<Boolean> visible(Principal tenant, JsonNode log) {
    String address = log.path("address").asText("");
    long block = Long.decode(log.path("blockNumber").asText("0x0"));
    return resolver.contract(address, block).map(privacy ->
        !(privacy instanceof ContractPrivacy.Private p) || TenantKeys.isParty(tenant, p.parties()));
  }
}
