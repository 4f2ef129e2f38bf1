package dev.scopegate.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who is calling. An operator (IPC, or the machine-to-machine API key) is unrestricted; a tenant
 * holds what its verified token grants: rpc grants, private grants, a tenant id and an expiry.
 */
public record Principal(
    Kind kind,
    String subject,
    Optional<String> tenantId,
    List<RpcGrant> rpcGrants,
    List<PrivateGrant> privateGrants,
    Optional<Instant> expiry) {

  public enum Kind {
    OPERATOR,
    TENANT
  }

  public Principal {
    rpcGrants = List.copyOf(rpcGrants);
    privateGrants = List.copyOf(privateGrants);
  }

  /** An operator; {@code via} says how it was established ("ipc", "api-key"), for logs. */
  public static Principal operator(String via) {
    return new Principal(Kind.OPERATOR, via, Optional.empty(), List.of(), List.of(), Optional.empty());
  }

  public static Principal tenant(
      String subject,
      Optional<String> tenantId,
      List<RpcGrant> rpcGrants,
      List<PrivateGrant> privateGrants,
      Instant expiry) {
    return new Principal(
        Kind.TENANT, subject, tenantId, rpcGrants, privateGrants, Optional.of(expiry));
  }

  public boolean isOperator() {
    return kind == Kind.OPERATOR;
  }

  /** Whether an {@code rpc://} grant covers {@code method}; operators are covered always. */
  public boolean mayCall(String method) {
    return isOperator() || rpcGrants.stream().anyMatch(g -> g.covers(method));
  }
}
