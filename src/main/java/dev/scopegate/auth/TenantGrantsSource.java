package dev.scopegate.auth;

import dev.scopegate.jsonrpc.RpcError;
import java.util.Optional;

/**
 * What the tenant registry adds to a principal. A verified token with a tenant id and no private
 * grants gets the registry's private grants, and its rpc grants when it carries none of its own
 * (so a token's own grants are never widened). An API-key caller naming a tenant gets exactly
 * that tenant's registry grants.
 */
public final class TenantGrantsSource {
  /** The subject of an API-key caller acting as a tenant. */
  static final String IMPERSONATING = "api-key";

  private final Optional<TenantRegistry> registry;

  TenantGrantsSource(Optional<TenantRegistry> registry) {
    this.registry = registry;
  }

  /** With the registry's grants (as above) and the tenant's registered limits. */
  Principal completed(Principal verified) {
    Principal granted = granted(verified);
    return granted.isOperator() || registry.isEmpty()
        ? granted
        : granted.tenantId().map(id -> granted.limitedBy(registry.get().limits(id))).orElse(granted);
  }

  private Principal granted(Principal verified) {
    if (verified.isOperator() || !verified.privateGrants().isEmpty() || !verified.psiGrants().isEmpty()
        || registry.isEmpty()) {
      return verified;
    }
    Optional<Scopes> registered = verified.tenantId().flatMap(registry.get()::grants);
    if (registered.isEmpty()) {
      return verified;
    }
    Scopes grants = registered.get();
    return new Principal(Principal.Kind.TENANT, verified.subject(), verified.tenantId(),
        verified.rpcGrants().isEmpty() ? grants.rpcGrants() : verified.rpcGrants(),
        grants.privateGrants(), verified.expiry(), new PsiGrants(grants.psiGrants()), verified.psi(),
        verified.limits());
  }

  /** The tenant an API-key caller acts as; fails {@code UNKNOWN_TENANT} for any other name. */
  Principal impersonated(String tenantId) {
    Scopes grants = registry.flatMap(r -> r.grants(tenantId))
        .orElseThrow(RpcError.UNKNOWN_TENANT::exception);
    return new Principal(Principal.Kind.TENANT, IMPERSONATING, Optional.of(tenantId),
        grants.rpcGrants(), grants.privateGrants(), Optional.empty(), new PsiGrants(grants.psiGrants()),
        Optional.empty(), registry.get().limits(tenantId));
  }

  public static boolean isImpersonated(Principal principal) {
    return !principal.isOperator() && principal.subject().equals(IMPERSONATING)
        && principal.expiry().isEmpty();
  }
}
