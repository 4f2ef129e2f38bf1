package dev.scopegate.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantIdentityTest {

  @Test
  void tenantIdDecidesWhateverTheSubjectOrKeys() {
    assertEquals(Optional.of("tenant:acme"),
        TenantIdentity.of(Tenants.principal("user-1", Optional.of("acme"), Tenants.KEY_A)));
    assertEquals(
        TenantIdentity.of(Tenants.principal("user-1", Optional.of("acme"), Tenants.KEY_A)),
        TenantIdentity.of(Tenants.principal("user-2", Optional.of("acme"), Tenants.KEY_B)));
  }

  @Test
  void subjectStandsInWhenThereIsNoTenantId() {
    assertEquals(Optional.of("subject:user-1"), TenantIdentity.of(Tenants.principal("user-1", Optional.empty())));
    assertEquals(Optional.of("subject:user-1"), TenantIdentity.of(Tenants.principal("user-1", Optional.of(""))));
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
