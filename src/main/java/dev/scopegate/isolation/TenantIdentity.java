package dev.scopegate.isolation;

import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.Json;
import java.util.Optional;

/**
 * Who owns what a tenant creates on the shared node (its filters): the tenant id when the token
 * carries one, else the token's subject. Each kind is tagged, so that a subject can never pass
 * for a tenant id of the same spelling. Keys are left out on purpose: they change with a token's
 * scopes, and what a filter returns is narrowed to the caller's keys on every poll anyway. A
 * token with neither owns nothing: it could not be told apart from another such token.
 */
final class TenantIdentity {
  private TenantIdentity() {}

  static Optional<String> of(Principal tenant) {
    return owner(tenant).map(owner -> tenant.psi().map(psi -> inPsi(owner, psi)).orElse(owner));
  }

  private static Optional<String> owner(Principal tenant) {
    Optional<String> id = tenant.tenantId().filter(s -> !s.isEmpty());
    if (id.isPresent()) {
      return Optional.of("tenant:" + id.get());
    }
    return Optional.ofNullable(tenant.subject()).filter(s -> !s.isEmpty()).map(s -> "subject:" + s);
  }

  /**
   * Multiple private states: what a tenant creates lives in the PSI it was routed to, so it is
   * owned by the pair (a JSON array: no spelling of one part can pass for the other). A filter
   * made in one PSI is not found from another.
   */
  private static String inPsi(String owner, String psi) {
    return Json.MAPPER.createArrayNode().add(owner).add(psi).toString();
  }
}
