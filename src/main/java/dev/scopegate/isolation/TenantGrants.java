package dev.scopegate.isolation;

import dev.scopegate.auth.Principal;
import dev.scopegate.auth.PrivateGrant;
import dev.scopegate.auth.PrivateGrant.Action;
import dev.scopegate.privacy.ContractPrivacy;
import dev.scopegate.privacy.Parties;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a tenant's {@code private://<self-eoa>/<action>/contracts?owned.eoa=…&from.tm=…} grants
 * allow, decided as GoQuorum decides (ConsenSys/quorum {@code multitenancy/}, the v21.x {@code
 * ContractAuthorizationProvider}). GoQuorum turns each thing a transaction does into an "ask" URL
 * {@code private://<from>/<action>/contracts?owned.eoa=…&from.tm=…} and looks for one grant that
 * matches all of it; every ask must be matched, each by some grant. Here:
 *
 * <ul>
 *   <li><b>Action.</b> The grant's action equals the asked one, or is {@code _} (any).
 *   <li><b>self-eoa</b> (the URL's host) is the account the transaction is sent from. {@code 0x0}
 *       matches any account. For {@code read} GoQuorum ignores it (a read is not "done as" an
 *       account), so reads match whatever the grant's self-eoa.
 *   <li><b>create</b> asks {@code from.tm=<privateFrom>}: the sending key must be among the grant's
 *       keys. {@code owned.eoa} is not asked.
 *   <li><b>write</b> and <b>read</b> of a private contract ask {@code from.tm=<the contract's
 *       parties>}: the grant's keys must intersect them; and {@code owned.eoa=<the EOA that created
 *       the contract>}: the grant's owned.eoa must be it, or {@code 0x0}.
 *   <li><b>Public contracts</b> are never restricted by {@code private://} grants (GoQuorum's
 *       {@code allowedPublic}).
 *   <li><b>owned.eoa.</b> Scopegate's privacy facts name a contract's parties, not its creator; a
 *       grant naming a specific owned.eoa therefore never matches a read or write: only {@code
 *       owned.eoa=0x0} grants do (fail closed; the documented tenant scope uses {@code 0x0}).
 *   <li><b>Sending with a key.</b> GoQuorum also requires the tenant to hold the {@code
 *       privateFrom} it sends with (later releases ask full access to it, {@code
 *       FullAccessContractSecurityAttributes}). Here: a grant of the transaction's own action
 *       (create, or write) that covers the sending account and lists the key.
 * </ul>
 *
 * <p>Scopegate adds one rule GoQuorum 21.1 lacks: a tenant may use a node account ({@link
 * #ownsAccount}) only when a {@code create}, {@code write} or {@code _} grant names it as self-eoa,
 * or names {@code 0x0} (any node account). Read-only grants name no account to act as.
 */
public final class TenantGrants {
  private final List<PrivateGrant> grants;

  private TenantGrants(List<PrivateGrant> grants) {
    this.grants = List.copyOf(grants);
  }

  public static TenantGrants of(Principal tenant) {
    return new TenantGrants(tenant.privateGrants());
  }

  public static TenantGrants of(List<PrivateGrant> grants) {
    return new TenantGrants(grants);
  }

  /** Every privacy-manager key granted, whatever the action. */
  public Set<String> keys() {
    return grants.stream()
        .flatMap(g -> g.tmKeys().stream())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The named accounts the tenant may act as ({@code 0x0}, any node account, is not named). */
  public Set<String> accounts() {
    return actingGrants()
        .map(PrivateGrant::selfEoa)
        .filter(a -> !a.equals(PrivateGrant.ANY_ACCOUNT))
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Whether the tenant may sign or send with this node account. */
  public boolean ownsAccount(String address) {
    String account = lower(address);
    return actingGrants().anyMatch(g -> g.coversSelf(account));
  }

  /** Whether {@code account} may create a private contract sending with {@code privateFrom}. */
  public boolean mayCreate(String account, String privateFrom) {
    return holdsKey(Action.CREATE, lower(account), privateFrom);
  }

  /**
   * Whether {@code account} may send a private transaction with {@code privateFrom} to {@code
   * target}: it holds the key with write rights, and (a private target) may write that contract.
   */
  public boolean mayWrite(String account, String privateFrom, ContractPrivacy target) {
    return holdsKey(Action.WRITE, lower(account), privateFrom)
        && mayWriteContract(lower(account), target);
  }

  /** Whether the tenant may read a private contract with these parties. */
  public boolean mayRead(Parties parties) {
    return grants.stream()
        .anyMatch(
            g ->
                g.action().allows(Action.READ)
                    && anyOwner(g)
                    && parties.includesAny(g.tmKeys()));
  }

  private boolean mayWriteContract(String account, ContractPrivacy target) {
    if (!(target instanceof ContractPrivacy.Private p)) {
      return true;
    }
    return grants.stream()
        .anyMatch(
            g ->
                g.action().allows(Action.WRITE)
                    && g.coversSelf(account)
                    && anyOwner(g)
                    && p.parties().includesAny(g.tmKeys()));
  }

  private boolean holdsKey(Action action, String account, String key) {
    return grants.stream()
        .anyMatch(
            g -> g.action().allows(action) && g.coversSelf(account) && g.tmKeys().contains(key));
  }

  /** The creator of a contract is unknown to Scopegate: only {@code owned.eoa=0x0} covers it. */
  private static boolean anyOwner(PrivateGrant grant) {
    return grant.ownedEoa().equals(PrivateGrant.ANY_ACCOUNT);
  }

  private Stream<PrivateGrant> actingGrants() {
    return grants.stream().filter(g -> g.action() != Action.READ);
  }

  private static String lower(String address) {
    return address.toLowerCase(Locale.ROOT);
  }
}
