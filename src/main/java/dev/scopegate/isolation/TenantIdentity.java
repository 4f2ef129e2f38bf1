package dev.scopegate.isolation;

import dev.scopegate.auth.PrivateGrant;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.Json;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Who owns what a tenant creates on the shared node (its filters): the tenant id when the token
 * carries one, else the token's subject, together with the set of its private grants. Each kind
 * is tagged, so that a subject can never pass for a tenant id of the same spelling. The grants
 * belong to the identity because what a filter returns depends on them: two tokens of one client
 * with different keys must not poll (and drain) each other's filters, while a refreshed token
 * with the same grants — in any order, repeated or not — keeps its filters. A token with neither
 * tenant id nor subject owns nothing: it could not be told apart from another such token.
 */
public final class TenantIdentity {
  private TenantIdentity() {}

  public static Optional<String> of(Principal tenant) {
    return owner(tenant)
        .map(owner -> owner + "\ngrants:" + grants(tenant))
        .map(owner -> tenant.psi().map(psi -> inPsi(owner, psi)).orElse(owner));
  }

  private static Optional<String> owner(Principal tenant) {
    Optional<String> id = tenant.tenantId().filter(s -> !s.isEmpty());
    if (id.isPresent()) {
      return Optional.of("tenant:" + id.get());
    }
    return Optional.ofNullable(tenant.subject()).filter(s -> !s.isEmpty()).map(s -> "subject:" + s);
  }

  /** The grants as a sorted set of canonical lines; keys sorted within each (base64 has no space). */
  private static String grants(Principal tenant) {
    return tenant.privateGrants().stream()
        .map(TenantIdentity::canonical)
        .collect(Collectors.toCollection(TreeSet::new))
        .stream()
        .collect(Collectors.joining("\n"));
  }

  private static String canonical(PrivateGrant grant) {
    return grant.selfEoa() + " " + grant.action() + " " + grant.ownedEoa() + " "
        + String.join(" ", new TreeSet<>(grant.tmKeys()));
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
