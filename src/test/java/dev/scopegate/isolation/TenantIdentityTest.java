package dev.scopegate.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.auth.PrivateGrant;
import dev.scopegate.auth.Principal;
import dev.scopegate.auth.RpcGrant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantIdentityTest {

  private static Principal withGrants(String subject, PrivateGrant... grants) {
    return Principal.tenant(subject, Optional.empty(), List.of(RpcGrant.parse("rpc://").orElseThrow()),
        List.of(grants), Instant.now().plusSeconds(300));
  }

  private static PrivateGrant grant(String action, String... keys) {
    return PrivateGrant.parse(TenantScopes.grant("0x0", action, keys)).orElseThrow();
  }

  @Test
  void tenantIdDecidesWhateverTheSubject() {
    assertTrue(TenantIdentity.of(Tenants.principal("user-1", Optional.of("acme"), Tenants.KEY_A)).orElseThrow()
        .startsWith("tenant:acme\n"));
    assertEquals(
        TenantIdentity.of(Tenants.principal("user-1", Optional.of("acme"), Tenants.KEY_A)),
        TenantIdentity.of(Tenants.principal("user-2", Optional.of("acme"), Tenants.KEY_A)));
  }

  @Test
  void tokensOfOneTenantWithOtherKeysAreOtherOwners() {
    assertNotEquals(
        TenantIdentity.of(Tenants.principal("user-1", Optional.of("acme"), Tenants.KEY_A)),
        TenantIdentity.of(Tenants.principal("user-1", Optional.of("acme"), Tenants.KEY_B)));
    assertNotEquals(
        TenantIdentity.of(Tenants.principal("user-1", Optional.empty(), Tenants.KEY_A)),
        TenantIdentity.of(Tenants.principal("user-1", Optional.empty(), Tenants.KEY_A, Tenants.KEY_B)),
        "a key more is another set of grants");
    assertNotEquals(
        TenantIdentity.of(withGrants("user-1", grant("read", Tenants.KEY_A))),
        TenantIdentity.of(withGrants("user-1", grant("_", Tenants.KEY_A))),
        "another action on the same key is another set of grants");
  }

  @Test
  void aRefreshedTokenWithTheSameGrantsInAnyOrderKeepsItsIdentity() {
    Principal first = withGrants("user-1", grant("read", Tenants.KEY_A, Tenants.KEY_B), grant("create", Tenants.KEY_A));
    Principal refreshed = withGrants("user-1", grant("create", Tenants.KEY_A), grant("read", Tenants.KEY_B, Tenants.KEY_A),
        grant("create", Tenants.KEY_A));
    assertEquals(TenantIdentity.of(first), TenantIdentity.of(refreshed));
  }

  @Test
  void subjectStandsInWhenThereIsNoTenantId() {
    assertTrue(TenantIdentity.of(Tenants.principal("user-1", Optional.empty())).orElseThrow().startsWith("subject:user-1\n"));
    assertEquals(TenantIdentity.of(Tenants.principal("user-1", Optional.empty())),
        TenantIdentity.of(Tenants.principal("user-1", Optional.of(""))));
  }

  @Test
  void aSubjectNeverPassesForATenantIdOfTheSameSpelling() {
    assertNotEquals(
        TenantIdentity.of(Tenants.principal("acme", Optional.empty())),
        TenantIdentity.of(Tenants.principal("someone", Optional.of("acme"))));
  }

  @Test
  void neitherMeansNoIdentity() {
    assertEquals(Optional.empty(), TenantIdentity.of(Tenants.principal("", Optional.empty(), Tenants.KEY_A)));
  }
}
