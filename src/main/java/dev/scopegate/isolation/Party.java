package dev.scopegate.isolation;

import dev.scopegate.auth.Principal;
import dev.scopegate.privacy.ContractPrivacy;
import dev.scopegate.privacy.Parties;

/**
 * When a tenant is party to a private contract or transaction: one concept, in the two roles the
 * guards and filters ask about. A public contract has no parties to be one of: every tenant
 * passes.
 */
public enum Party {
  /**
   * Reading what the parties share (state, calls, receipts, logs, payloads, traces): a grant the
   * tenant may read with ({@link TenantGrants#mayRead}) names one of the parties' keys.
   */
  READER,
  /**
   * Sending a transaction that touches the contract: any of the tenant's keys is among its
   * parties, whatever the grant's action — its right to write is {@link TransactionRules}' question.
   */
  SENDER;

  /** Whether {@code tenant} is party, in this role, to what {@code parties} share. */
  public boolean is(Principal tenant, Parties parties) {
    return is(TenantGrants.of(tenant), parties);
  }

  /** As {@link #is(Principal, Parties)}; a public contract passes. */
  public boolean is(Principal tenant, ContractPrivacy privacy) {
    return is(TenantGrants.of(tenant), privacy);
  }

  public boolean is(TenantGrants grants, ContractPrivacy privacy) {
    return !(privacy instanceof ContractPrivacy.Private p) || is(grants, p.parties());
  }

  public boolean is(TenantGrants grants, Parties parties) {
    return this == READER ? grants.mayRead(parties) : parties.includesAny(grants.keys());
  }
}
