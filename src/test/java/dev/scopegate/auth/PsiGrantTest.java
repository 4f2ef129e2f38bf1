package dev.scopegate.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * GoQuorum's own cases for {@code psi://} scopes, ported from {@code
 * multitenancy/authorization_test.go} (ConsenSys/quorum): {@code TestMatch_*}, {@code
 * TestAuthorizePSI}, {@code TestAuthorize}, {@code TestExtractPSI_*}. An ask of several accounts
 * is authorised when every one is (GoQuorum's {@code ContainsAll}).
 */
class PsiGrantTest {

  private static PsiGrants token(String... scopes) {
    return new PsiGrants(Scopes.parse(List.of(scopes)).psiGrants());
  }

  private static boolean node(PsiGrants t, String psi, String... accounts) {
    return accounts.length > 0 && Arrays.stream(accounts).allMatch(a -> t.mayUseNodeAccount(psi, a));
  }

  private static boolean self(PsiGrants t, String psi, String... accounts) {
    return accounts.length > 0 && Arrays.stream(accounts).allMatch(a -> t.mayUseSelfAccount(psi, a));
  }

  @Test
  void matchWhenTypical() {
    assertTrue(node(token("psi://arbitrary.psi1?node.eoa=0xaaa"), "arbitrary.psi1", "0xaaa"));
  }

  @Test
  void matchWhenNoEoaGrantsNoAccount() {
    assertFalse(node(token("psi://arbitrary.psi1"), "arbitrary.psi1"));
    assertFalse(node(token("psi://arbitrary.psi1"), "arbitrary.psi1", "0xaaa"));
  }

  @Test
  void matchWhenAskWithNoEoa() {
    assertFalse(node(token("psi://arbitrary.psi1?node.eoa=0xaaa"), "arbitrary.psi1"));
  }

  @Test
  void matchWhenGrantWithDifferentEoaKind() {
    assertFalse(self(token("psi://arbitrary.psi1?node.eoa=0xaaa"), "arbitrary.psi1", "0xaaa"));
  }

  @Test
  void matchWhenAskMultipleEoa() {
    assertFalse(node(token("psi://arbitrary.psi1?node.eoa=0xaaa"), "arbitrary.psi1", "0xaaa", "0xbbb"));
  }

  @Test
  void matchWhenGrantMultipleEoa() {
    PsiGrants t = token("psi://arbitrary.psi1?node.eoa=0x111&self.eoa=0xaaa&self.eoa=0xbbb&self.eoa=0xccc");
    assertTrue(self(t, "arbitrary.psi1", "0xaaa", "0xbbb"));
  }

  @Test
  void matchWhenGrantWithWildCardEoa() {
    assertTrue(node(token("psi://arbitrary.psi1?node.eoa=0x0"), "arbitrary.psi1", "0xaaa", "0xbbb"));
  }

  @Test
  void matchWhenDiffScheme() {
    assertTrue(token("rpc://eth_sendTransaction").isEmpty());
  }

  @Test
  void matchWhenDiffPsi() {
    assertFalse(node(token("psi://arbitrary.psi1?node.eoa=0x0"), "arbitrary.psi2", "0xaaa", "0xbbb"));
    assertTrue(token("psi://arbitrary.psi1").granted("arbitrary.psi2").isEmpty());
  }

  @Test
  void authorizePsi() {
    assertEquals("arbitrary.ps1", token("psi://arbitrary.ps1").granted("arbitrary.ps1").orElseThrow());
    assertEquals("arbitrary.ps1", token("psi://arbitrary.ps1?node.eoa=0x0").granted("arbitrary.ps1").orElseThrow());
    assertTrue(token("rpc://arbitrary.ps1").granted("arbitrary.ps1").isEmpty());
    // IsPSIAuthorized compares with strings.EqualFold; the granted spelling is what is routed
    assertEquals("arbitrary.ps1", token("psi://arbitrary.ps1").granted("ARBITRARY.PS1").orElseThrow());
  }

  @Test
  void authorize() {
    String c = "0x000000000000000000000000000000000000000c";
    // Granting PSI with no EOA
    assertFalse(node(token("psi://arbitrary.ps1"), "arbitrary.ps1", "0x000000000000000000000000000000000000aaaa"));
    // Node-managed: granted with wild card EOA, ask for specific
    assertTrue(node(token("psi://arbitrary.ps1?node.eoa=0x0&self.eoa=0x000000000000000000000000000000000000aaaa"),
        "arbitrary.ps1", c));
    // Different EOA grant
    assertFalse(node(token("psi://arbitrary.ps1?self.eoa=0x000000000000000000000000000000000000aaaa"),
        "arbitrary.ps1", c));
    // Self-managed: granted with wild card EOA, ask for specific
    assertTrue(self(token("psi://arbitrary.ps1?self.eoa=0x0"), "arbitrary.ps1", c));
    // Not granted to a PSI
    assertFalse(node(token("psi://arbitrary.ps2?node.eoa=0x0&self.eoa=0x0"), "arbitrary.ps1", c));
  }

  @Test
  void extractPsiWhenTypical() {
    assertEquals(Set.of("arbitrary.psi1"),
        token("psi://arbitrary.psi1", "psi://arbitrary.psi1?node.eoa=0x0", "rpc://eth_call").psis());
  }

  @Test
  void extractPsiWhenNotFound() {
    assertTrue(token("rpc://eth_call").psis().isEmpty());
  }

  @Test
  void extractPsiWhenFoundMultiple() {
    assertEquals(3, token("psi://arbitrary.psi1", "psi://arbitrary.psi2", "psi://arbitrary.psi3").psis().size());
  }

  @Test
  void theZeroAddressAsksAsTheWildCardOnly() {
    // toHexAddress writes the zero address as "0x0"; a grant spelling it out matches nothing
    PsiGrants t = token("psi://ps1?node.eoa=0x0000000000000000000000000000000000000000");
    assertFalse(node(t, "ps1", "0x0000000000000000000000000000000000000000"));
    assertFalse(node(t, "ps1", "0x000000000000000000000000000000000000000c"));
  }

  @Test
  void schemeIsCaseInsensitiveValuesAreDecodedAndChecksummedAccountsMatch() {
    PsiGrants t = token("PSI://Tenant%20A?node.eoa=0xAbCd000000000000000000000000000000000001");
    assertEquals(Set.of("Tenant A"), t.psis());
    assertTrue(node(t, "tenant a", "0xabcd000000000000000000000000000000000001"));
  }

  @Test
  void malformedOrEmptyScopesGrantNothing() {
    assertTrue(token("psi://", "psi://?node.eoa=0x0", "psix://a", "private://0x0/_/contracts?owned.eoa=0x0&from.tm=a").isEmpty());
    PsiGrants t = token("psi://ps1?node.eoa=%zz&node.eoa=0xaaa;x=1");
    assertFalse(node(t, "ps1", "0xaaa"));
  }
}
