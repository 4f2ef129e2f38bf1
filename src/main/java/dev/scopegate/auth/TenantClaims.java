package dev.scopegate.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * Builds the tenant of verified claims. With a claims namespace (Orchestrate's {@code
 * AUTH_JWT_CLAIMS_NAMESPACE}) the tenant id is {@code <namespace>.tenant_id}; without one it is
 * {@code sub}.
 */
final class TenantClaims {
  private final String namespace;

  TenantClaims(String namespace) {
    this.namespace = namespace;
  }

  Principal principal(JsonNode claims, Instant expiry) {
    Optional<String> subject = text(claims.path("sub"));
    Scopes scopes = Scopes.fromClaims(claims);
    return Principal.tenant(
        subject.orElse(""),
        tenantId(claims, subject),
        scopes.rpcGrants(),
        scopes.privateGrants(),
        new PsiGrants(scopes.psiGrants()),
        expiry);
  }

  private Optional<String> tenantId(JsonNode claims, Optional<String> subject) {
    if (namespace.isEmpty()) {
      return subject;
    }
    // a namespace is configured: the subject is a user, not a tenant, so it is no fallback
    return text(claims.path(namespace).path("tenant_id"));
  }

  private static Optional<String> text(JsonNode node) {
    return Optional.ofNullable(node.textValue()).filter(s -> !s.isEmpty());
  }
}
