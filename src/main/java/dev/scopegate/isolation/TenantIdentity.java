package dev.scopegate.isolation;

import dev.scopegate.auth.Principal;
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
    Optional<String> id = tenant.tenantId().filter(s -> !s.isEmpty());
    if (id.isPresent()) {
      return Optional.of("tenant:" + id.get());
    }
    return Optional.ofNullable(tenant.subject()).filter(s -> !s.isEmpty()).map(s -> "subject:" + s);
  }
}
