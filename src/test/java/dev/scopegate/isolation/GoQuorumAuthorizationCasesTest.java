package dev.scopegate.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.auth.PrivateGrant;
import dev.scopegate.devnode.DevTessera;
import dev.scopegate.privacy.ContractPrivacy;
import dev.scopegate.privacy.Parties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GoQuorum's own cases for granted vs asked scopes, ported from ConsenSys/quorum
 * {@code multitenancy/authorization_provider_test.go} (the v21.x {@code
 * DefaultContractAuthorizationProvider}; stored commit ea9eda5b0b008f1bc00890c8e7d4ba14c2300719):
 * the {@code TestMatch_*} functions and the private-contract {@code testCase}s, each row named after
 * its Go test. Grants are written as GoQuorum wrote them; short accounts are left-padded as
 * {@code common.HexToAddress} pads them, and the one-letter privacy-manager keys stand for real
 * base64 keys. An ask is what Scopegate's guards ask {@link TenantGrants}: {@code create
 * <from> <privateFrom>}, {@code read <parties> <owner>}, {@code write <from> <privateFrom>
 * <parties> <owner>} ({@code -}: not given); {@code +} joins asks that must all be allowed, as
 * GoQuorum's {@code IsAuthorized} requires of its list. The owner is GoQuorum's {@code To} (the
 * contract's creator), else its {@code From}.
 *
 * <p>Where Scopegate answers otherwise, the row says so and why (all in the fail-closed
 * direction): its grammar requires {@code owned.eoa} (DESIGN), so GoQuorum grants without it are
 * written with {@code owned.eoa=0x0}, which GoQuorum's match treats alike for asks that carry no
 * owner; a grant naming a specific {@code owned.eoa} matches nothing, as Scopegate does not know a
 * contract's creator (the ask's owner is kept to show what GoQuorum asks); and a write also needs
 * the sending key under a write grant. {@code public://} cases are
 * not ported: Scopegate ignores those scopes and never restricts public contracts.
 */
class GoQuorumAuthorizationCasesTest {
  private static final Map<String, String> KEYS = Map.of(
      "A", DevTessera.KA, "B", DevTessera.KB, "C", DevTessera.KC,
      "D", key('D'), "X", key('X'), "Y", key('Y'));
  private static final Pattern ACCOUNT = Pattern.compile("0x([0-9a-f]{2,39})(?![0-9a-f])");
  private static final Pattern KEY = Pattern.compile("from\\.tm=([A-Z])(?![A-Za-z0-9%])");

  private static String key(char c) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) c);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** A Go test's scope with its accounts padded and its one-letter keys made real (URL-encoded). */
  static String scope(String goScope) {
    Matcher keys = KEY.matcher(pad(goScope));
    StringBuilder out = new StringBuilder();
    while (keys.find()) {
      keys.appendReplacement(out, Matcher.quoteReplacement(
          "from.tm=" + URLEncoder.encode(KEYS.get(keys.group(1)), StandardCharsets.UTF_8)));
    }
    return keys.appendTail(out).toString();
  }

  private static String pad(String text) {
    Matcher m = ACCOUNT.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, "0x" + "0".repeat(40 - m.group(1).length()) + m.group(1));
    }
    return m.appendTail(out).toString();
  }

  private static TenantGrants grants(String granted) {
    return TenantGrants.of(Arrays.stream(granted.trim().split(" +"))
        .map(GoQuorumAuthorizationCasesTest::scope)
        .map(s -> PrivateGrant.parse(s).orElseThrow(() -> new AssertionError("Scopegate refuses " + s)))
        .toList());
  }

  private static String account(String a) {
    return pad(a);
  }

  private static Parties parties(String list) {
    return new Parties(Arrays.stream(list.split(",")).map(KEYS::get).collect(Collectors.toSet()));
  }

  private static boolean allowed(TenantGrants grants, String ask) {
    String[] a = ask.trim().split(" +");
    return switch (a[0]) {
      case "create" -> grants.mayCreate(account(a[1]), KEYS.get(a[2]));
      // the owner (a[2], a[4]) is what GoQuorum asks; Scopegate never knows it
      case "read" -> grants.mayRead(parties(a[1]));
      case "write" -> grants.mayWrite(account(a[1]), KEYS.get(a[2]), new ContractPrivacy.Private(parties(a[3])));
      default -> throw new AssertionError(ask);
    };
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
    // TestMatch_* (match of one ask URL against one grant)
    "TestMatch_whenTypical (owned.eoa=0x0 added); private://0xa1b1c1/create/contracts?owned.eoa=0x0&from.tm=A;"
        + " create 0xa1b1c1 A; true",
    "TestMatch_whenAnyAction read; private://0xa1b1c1/_/contracts?owned.eoa=0x0&from.tm=A; read A -; true",
    "TestMatch_whenAnyAction read, asked for more keys; private://0xa1b1c1/_/contracts?owned.eoa=0x0&from.tm=A;"
        + " read A,B 0x0; true",
    "TestMatch_whenAnyAction write; private://0xa1b1c1/_/contracts?owned.eoa=0x0&from.tm=A; write 0xa1b1c1 A A 0x0; true",
    "TestMatch_whenPathNotMatched; private://0xa1b1c1/write/contracts?owned.eoa=0x0&from.tm=A; read A -; false",
    "TestMatch_whenContractWritePermission_GrantedIsTheSuperSet write;"
        + " private://0x0/write/contracts?owned.eoa=0x0&from.tm=A&from.tm=B; write 0xa1 A A 0x0; true",
    "TestMatch_whenContractWritePermission_GrantedIsTheSuperSet read;"
        + " private://0x0/read/contracts?owned.eoa=0x0&from.tm=A&from.tm=B; read A 0x0; true",
    "TestMatch_whenContractReadPermission_AnyAction; private://0x1234/_/contracts?owned.eoa=0x0&from.tm=A; read A 0x1234; true",
    "TestMatch_whenContractReadPermission_AnyEoa; private://0x1234/_/contracts?owned.eoa=0x0&from.tm=A; read A -; true",
    "TestMatch_whenContractReadPermission_EoaDifferent;"
        + " private://0x0/read/contracts?owned.eoa=0x095e7baea6a6c7c4c2dfeb977efac326af552d87&from.tm=A;"
        + " read A 0x945304eb96065b2a98b57a48a06ae28d285a71b5; false",
    "TestMatch_whenContractReadPermission_EoaSame (GoQuorum: true, but Scopegate knows no creator);"
        + " private://0x0/read/contracts?owned.eoa=0x095e7baea6a6c7c4c2dfeb977efac326af552d87&from.tm=A;"
        + " read A 0x095e7baea6a6c7c4c2dfeb977efac326af552d87; false",
    "TestMatch_whenContractReadPermission_TmKeysIntersect (owned.eoa=0x0 added);"
        + " private://0x0/read/contracts?owned.eoa=0x0&from.tm=A&from.tm=B; read B,C -; true",
    "TestMatch_whenContractReadPermission_TmKeysDontIntersect (owned.eoa=0x0 added);"
        + " private://0x0/read/contracts?owned.eoa=0x0&from.tm=A&from.tm=B; read C,D -; false",
    "TestMatch_whenContractWritePermission_Same; private://0x0/write/contracts?owned.eoa=0x0&from.tm=A; write 0xa1 A A 0x0; true",
    "TestMatch_whenContractWritePermission_Different; private://0x0/write/contracts?owned.eoa=0x0&from.tm=A;"
        + " write 0xa1 B B 0x0; false",
    "TestMatch_whenContractWritePermission_AskIsSuperSet; private://0x0/write/contracts?owned.eoa=0x0&from.tm=A;"
        + " write 0xa1 A B,C,A 0x0; true",
    "TestMatch_whenContractCreatePermission_Same; private://0x0/create/contracts?owned.eoa=0x0&from.tm=A; create 0xa1 A; true",
    "TestMatch_whenContractCreatePermission_Different; private://0x0/create/contracts?owned.eoa=0x0&from.tm=A; create 0xa1 B; false",
    "TestMatch_whenUsingWildcardAccount (owned.eoa=0x0 added); private://0x0/create/contracts?owned.eoa=0x0&from.tm=A;"
        + " create 0xed9d02e382b34818e88b88a309c7fe71e65f419d A; true",
    "TestMatch_whenUsingWildcardAccount read; private://0x0/read/contracts?owned.eoa=0x0&from.tm=A; read A 0x1234; true",
    "TestMatch_whenNotUsingWildcardAccount (owned.eoa=0x0 added);"
        + " private://0xed9d02e382b34818e88b88a309c7fe71e65f419d/create/contracts?owned.eoa=0x0&from.tm=A;"
        + " create 0xed9d02e382b34818e88b88a309c7fe71e65f419d A; true",
    "TestMatch_failsWhenAccountsDiffer (owned.eoa=0x0 added);"
        + " private://0xed9d02e382b34818e88b88a309c7fe71e65f419d/create/contracts?owned.eoa=0x0&from.tm=A;"
        + " create 0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b A; false",
    // the private-contract testCases (IsAuthorized over a list of asks)
    "canCreatePrivateContracts (owned.eoa=0x0 added); private://0xa1a1a1/create/contracts?owned.eoa=0x0&from.tm=A;"
        + " create 0xa1a1a1 A; true",
    "canNotCreatePrivateContracts (owned.eoa=0x0 added); private://0xa1a1a1/create/contracts?owned.eoa=0x0&from.tm=B;"
        + " create 0xa1a1a1 A; false",
    "canReadOwnedPrivateContracts (GoQuorum: true, but Scopegate knows no creator); private://0xa1a1a1/read/contracts?owned.eoa=0xa1a1a1&from.tm=A&from.tm=B;"
        + " read A 0xa1a1a1; false",
    "canReadOtherPrivateContracts (GoQuorum: true, but Scopegate knows no creator); private://0xa1a1a1/read/contracts?owned.eoa=0xb1b1b1&from.tm=A; read A 0xb1b1b1; false",
    "canNotReadOtherPrivateContracts; private://0xa1a1a1/read/contracts?owned.eoa=0xc1c1c1&from.tm=A; read A 0xb1b1b1; false",
    "canNotReadOtherPrivateContractsNoPrivy; private://0xa1a1a1/read/contracts?owned.eoa=0xb1b1b1&from.tm=B;"
        + " read A 0xb1b1b1; false",
    "canWriteOwnedPrivateContracts (GoQuorum: true, but Scopegate knows no creator); private://0xa1a1a1/write/contracts?owned.eoa=0xa1a1a1&from.tm=A&from.tm=B;"
        + " write 0xa1a1a1 A A 0xa1a1a1; false",
    "canWriteOtherPrivateContracts (GoQuorum: true, but Scopegate knows no creator); private://0xa1a1a1/write/contracts?owned.eoa=0xb1b1b1&from.tm=A;"
        + " write 0xa1a1a1 A A 0xb1b1b1; false",
    "canWriteOtherPrivateContractsWithOverlappedScope (GoQuorum: true, but Scopegate knows no creator);"
        + " private://0xa1a1a1/write/contracts?owned.eoa=0xb1b1b1&from.tm=A"
        + " private://0xa1a1a1/write/contracts?owned.eoa=0xb1b1b1&from.tm=A&from.tm=B; write 0xa1a1a1 A A 0xb1b1b1; false",
    "canNotWriteOtherPrivateContracts (privateFrom A given); private://0xa1a1a1/write/contracts?owned.eoa=0xc1c1c1&from.tm=A;"
        + " write 0xa1a1a1 A A 0xb1b1b1; false",
    "canNotWriteOtherPrivateContractsNoPrivy (privateFrom B given);"
        + " private://0xa1a1a1/write/contracts?owned.eoa=0xb1b1b1&from.tm=B; write 0xa1a1a1 B A 0xb1b1b1; false",
    // ..._wildcards_whenCreate / whenRead / whenWrite, granted private://0x0/_/contracts?owned.eoa=0x0&from.tm=X
    "X has full access to a private contract when create; private://0x0/_/contracts?owned.eoa=0x0&from.tm=X; create 0xa1a1a1 X; true",
    "X can't creat private contract with other TM key; private://0x0/_/contracts?owned.eoa=0x0&from.tm=X; create 0xa1a1a1 A; false",
    "X has full access when read as one of the participants; private://0x0/_/contracts?owned.eoa=0x0&from.tm=X; read X,Y -; true",
    "X has full access when read as a single participant; private://0x0/_/contracts?owned.eoa=0x0&from.tm=X; read X -; true",
    "X can't read other private contracts; private://0x0/_/contracts?owned.eoa=0x0&from.tm=X; read A,B -; false",
    "X can't read other private contracts by faking the read; private://0x0/_/contracts?owned.eoa=0x0&from.tm=X; read A,B -; false",
    "X can't read other private contracts when proxy-read; private://0x0/_/contracts?owned.eoa=0x0&from.tm=X;"
        + " read X - + read A,B -; false",
    "X has full access when write as a single participant; private://0x0/_/contracts?owned.eoa=0x0&from.tm=X;"
        + " write 0xa1a1a1 X X -; true",
    "X has full access when write as one of the participants; private://0x0/_/contracts?owned.eoa=0x0&from.tm=X;"
        + " write 0xa1a1a1 X X,Y -; true",
    "X must not access other private contracts when faking write; private://0x0/_/contracts?owned.eoa=0x0&from.tm=X;"
        + " write 0xa1a1a1 A A,B 0xb1b1b1; false",
    "X can not write to a private contract not privy to X; private://0x0/_/contracts?owned.eoa=0x0&from.tm=X;"
        + " write 0xa1a1a1 X A,B 0xb1b1b1; false",
  })
  void goQuorumCase(String name, String granted, String asks, boolean expected) {
    TenantGrants grants = grants(granted);
    boolean all = Arrays.stream(asks.split("\\+")).allMatch(ask -> allowed(grants, ask));
    assertEquals(expected, all, name);
  }

  /** TestMatch_whenNotEscaped: a key not URL-encoded does not match (Scopegate refuses the scope). */
  @Test
  void anUnescapedKeyMatchesNothing() {
    String raw = "private://0xed9d02e382b34818e88b88a309c7fe71e65f419d/create/contracts?owned.eoa=0x0&from.tm="
        + "BULeR8JyUWhiuuCMU/HLA0Q5pzkYT+cHII3ZKBey3Bo=";
    assertTrue(PrivateGrant.parse(raw).isEmpty(), "a raw '+' would decode to a space: refused, as GoQuorum matches nothing");
  }

  /** TestMatch_whenSchemeIsNotEqual / whenGrantNothing: not a private grant, or one naming no key. */
  @Test
  void otherSchemesAndKeylessGrantsGrantNothing() {
    assertTrue(PrivateGrant.parse("unknown://0xa1b1c1/create/contracts?owned.eoa=0x0&from.tm=A").isEmpty());
    assertTrue(PrivateGrant.parse(scope("private://0xa1b1c1/write/contracts")).isEmpty(),
        "no owned.eoa, no key: nothing granted (GoQuorum: no match)");
  }
}
