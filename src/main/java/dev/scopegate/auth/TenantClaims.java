package dev.scopegate.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.limits.LimitOverrides;
import java.time.Instant;
import java.util.Optional;

/**
 * Builds the tenant of verified claims. With a claims namespace (Orchestrate's {@code
 * AUTH_JWT_CLAIMS_NAMESPACE}) the tenant id is {@code <namespace>.tenant_id}; without one it is
 * {@code sub}. The tenant's own limits come from {@code <namespace>.limits} (without a
 * namespace: {@code limits}); a claim that is not a valid limits object refuses the token, so a
 * mistyped claim never leaves a tenant unlimited.
 */
final class TenantClaims {
  private final String namespace;
  private final String scopeClaim;

  TenantClaims(String namespace) {
    this(namespace, Scopes.DEFAULT_CLAIM);
  }

  TenantClaims(String namespace, String scopeClaim) {
    this.namespace = namespace;
    this.scopeClaim = scopeClaim;
  }

  Principal principal(JsonNode claims, Instant expiry) {
    // an introspection answer may name only the client (client credentials without sub)
    Optional<String> subject = text(claims.path("sub")).or(() -> text(claims.path("client_id")));
    Scopes scopes = Scopes.fromClaims(claims, scopeClaim);
    return Principal.tenant(
        subject.orElse(""),
        tenantId(claims, subject),
        scopes.rpcGrants(),
        scopes.privateGrants(),
        new PsiGrants(scopes.psiGrants()),
        expiry).limitedBy(limits(claims));
  }

  private LimitOverrides limits(JsonNode claims) {
    JsonNode claim = namespace.isEmpty() ? claims.path("limits") : claims.path(namespace).path("limits");
    try {
      return LimitOverrides.parse(claim, "limits claim");
    } catch (IllegalArgumentException e) {
      throw RpcError.INVALID_TOKEN.withData(e.getMessage());
    }
  }

  /** The tenant id the claims name, for logs about a token that was refused. */
  Optional<String> tenantId(JsonNode claims) {
    return tenantId(claims, text(claims.path("sub")));
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
