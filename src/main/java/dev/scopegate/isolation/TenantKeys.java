package dev.scopegate.isolation;

import dev.scopegate.auth.PrivateGrant;
import dev.scopegate.auth.Principal;
import dev.scopegate.privacy.Parties;
import java.util.Set;
import java.util.stream.Collectors;

/** A tenant's privacy-manager keys: the {@code from.tm} values of its {@code private://} grants. */
public final class TenantKeys {
  private TenantKeys() {}

  public static Set<String> of(Principal tenant) {
    return tenant.privateGrants().stream()
        .flatMap(g -> g.tmKeys().stream())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Whether one of the tenant's keys is party. */
  public static boolean isParty(Principal tenant, Parties parties) {
    return parties.includesAny(of(tenant));
  }

  /** Keys granted for an action ({@code _} grants every action). */
  public static Set<String> forAction(Principal tenant, PrivateGrant.Action action) {
    return tenant.privateGrants().stream()
        .filter(g -> g.action() == PrivateGrant.Action.ANY || g.action() == action)
        .flatMap(g -> g.tmKeys().stream())
        .collect(Collectors.toUnmodifiableSet());
  }
}
