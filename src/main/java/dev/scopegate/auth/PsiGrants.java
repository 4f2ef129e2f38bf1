package dev.scopegate.auth;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A token's {@code psi://} grants and GoQuorum's questions on them ({@code
 * multitenancy/authorization.go}): may it use this PSI, which PSI when it names none, may it sign
 * with this account there.
 */
public record PsiGrants(List<PsiGrant> grants) {
  public PsiGrants {
    grants = List.copyOf(grants);
  }

  public boolean isEmpty() {
    return grants.isEmpty();
  }

  /** {@code IsPSIAuthorized}: the granted spelling of {@code asked}, if some grant names it. */
  public Optional<String> granted(String asked) {
    return grants.stream().filter(g -> g.grants(asked)).map(PsiGrant::psi).findFirst();
  }

  /**
   * The distinct PSIs granted, as {@code ExtractPSI} counts them (exact strings): one means the
   * token needs no pick; several, a pick is required.
   */
  public Set<String> psis() {
    Set<String> psis = new LinkedHashSet<>();
    grants.forEach(g -> psis.add(g.psi()));
    return psis;
  }

  /** {@code IsAuthorized} with a node-managed account ({@code WithNodeEOA}). */
  public boolean mayUseNodeAccount(String psi, String account) {
    return grants.stream().anyMatch(g -> g.coversNode(psi, account));
  }

  /** {@code IsAuthorized} with a self-managed account ({@code WithSelfEOA}), for raw transactions. */
  public boolean mayUseSelfAccount(String psi, String account) {
    return grants.stream().anyMatch(g -> g.coversSelf(psi, account));
  }
}
