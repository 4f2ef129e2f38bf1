package dev.scopegate.auth;

import dev.scopegate.limits.LimitOverrides;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who is calling. An operator (IPC, or the machine-to-machine API key) is unrestricted; a tenant
 * holds what its verified token grants: rpc grants, private grants, psi grants, a tenant id and an
 * expiry. {@code psi} is the private state the call is routed to, on a node with several.
 * {@code limits} are the tenant's own budgets (registry and token claim), over the configured ones.
 */
public record Principal(
    Kind kind,
    String subject,
    Optional<String> tenantId,
    List<RpcGrant> rpcGrants,
    List<PrivateGrant> privateGrants,
    Optional<Instant> expiry,
    PsiGrants psiGrants,
    Optional<String> psi,
    LimitOverrides limits) {

  public enum Kind {
    OPERATOR,
    TENANT
  }

  public Principal {
    rpcGrants = List.copyOf(rpcGrants);
    privateGrants = List.copyOf(privateGrants);
  }

  /** Without limits of its own. */
  public Principal(Kind kind, String subject, Optional<String> tenantId, List<RpcGrant> rpcGrants,
      List<PrivateGrant> privateGrants, Optional<Instant> expiry, PsiGrants psiGrants, Optional<String> psi) {
    this(kind, subject, tenantId, rpcGrants, privateGrants, expiry, psiGrants, psi, LimitOverrides.NONE);
  }

  /** The same principal with {@code more} limits, each the stricter where both name one. */
  public Principal limitedBy(LimitOverrides more) {
    return new Principal(kind, subject, tenantId, rpcGrants, privateGrants, expiry, psiGrants, psi,
        limits.and(more));
  }

  private static final PsiGrants NO_PSI = new PsiGrants(List.of());

  /** An operator; {@code via} says how it was established ("ipc", "api-key"), for logs. */
  public static Principal operator(String via) {
    return new Principal(
        Kind.OPERATOR, via, Optional.empty(), List.of(), List.of(), Optional.empty(), NO_PSI, Optional.empty());
  }

  public static Principal tenant(
      String subject,
      Optional<String> tenantId,
      List<RpcGrant> rpcGrants,
      List<PrivateGrant> privateGrants,
      Instant expiry) {
    return tenant(subject, tenantId, rpcGrants, privateGrants, NO_PSI, expiry);
  }

  public static Principal tenant(
      String subject,
      Optional<String> tenantId,
      List<RpcGrant> rpcGrants,
      List<PrivateGrant> privateGrants,
      PsiGrants psiGrants,
      Instant expiry) {
    return new Principal(Kind.TENANT, subject, tenantId, rpcGrants, privateGrants,
        Optional.of(expiry), psiGrants, Optional.empty());
  }

  /**
   * The same principal routed to {@code psi} (multiple private states): the private state its
   * calls are served from, and the one its {@code psi://} account grants are read for.
   */
  public Principal routedTo(String psi) {
    return new Principal(kind, subject, tenantId, rpcGrants, privateGrants, expiry, psiGrants, Optional.of(psi), limits);
  }

  public boolean isOperator() {
    return kind == Kind.OPERATOR;
  }

  /** Whether an {@code rpc://} grant covers {@code method}; operators are covered always. */
  public boolean mayCall(String method) {
    if (isOperator()) {
      return true;
    }
    for (RpcGrant grant : rpcGrants) { // every tenant call: no stream
      if (grant.covers(method)) {
        return true;
      }
    }
    return false;
  }
}
