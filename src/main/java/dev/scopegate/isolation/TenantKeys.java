package dev.scopegate.isolation;

import dev.scopegate.auth.PrivateGrant;
import dev.scopegate.auth.Principal;
import dev.scopegate.privacy.Parties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The privacy-manager keys a tenant may READ with: the {@code from.tm} values of its grants whose
 * action allows reading ({@code read} or {@code _}) and whose {@code owned.eoa} is {@code 0x0}
 * (Scopegate does not know a private contract's creator, so a grant naming one cannot be matched:
 * fail closed). Every read-side check — state reads, calls, receipts, logs, payloads, traces —
 * asks whether one of these keys is party.
 */
public final class TenantKeys {
  private TenantKeys() {}

  public static Set<String> of(Principal tenant) {
    return tenant.privateGrants().stream()
        .filter(g -> g.action().allows(PrivateGrant.Action.READ))
        .filter(g -> g.ownedEoa().equals(PrivateGrant.ANY_ACCOUNT))
        .flatMap(g -> g.tmKeys().stream())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Whether the tenant may read what these parties share: {@link TenantGrants#mayRead}. */
  public static boolean isParty(Principal tenant, Parties parties) {
    return TenantGrants.of(tenant).mayRead(parties);
  }
}
