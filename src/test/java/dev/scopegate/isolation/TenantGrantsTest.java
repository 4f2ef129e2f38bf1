package dev.scopegate.isolation;

import static dev.scopegate.devnode.DevTessera.KA;
import static dev.scopegate.devnode.DevTessera.KB;
import static dev.scopegate.devnode.DevTessera.KC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.auth.PrivateGrant;
import dev.scopegate.privacy.ContractPrivacy;
import dev.scopegate.privacy.Parties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GoQuorum's grant matching, row by row. A scope is written {@code self/action/owned/keys} ({@code
 * 0x0/_/0x0/A} is the documented tenant scope for key A); scopes are space-separated; a target's
 * parties are {@code -} (a public contract), {@code none} (no local party) or keys.
 */
class TenantGrantsTest {
  static final String ACC1 = "0x" + "a1".repeat(20);
  static final String ACC2 = "0x" + "b2".repeat(20);
  private static final Map<String, String> NAMES =
      Map.of(
          "A",
          KA,
          "B",
          KB,
          "C",
          KC,
          "acc1",
          ACC1,
          "acc2",
          ACC2,
          "ACC1",
          ACC1.toUpperCase().replace("0X", "0x"));

  /** Grants from scopes in the row notation, parsed by the real scope parser. */
  static TenantGrants grants(String scopes) {
    return TenantGrants.of(
        Arrays.stream(scopes.trim().split(" +"))
            .filter(s -> !s.isEmpty())
            .map(TenantGrantsTest::scope)
            .map(s -> PrivateGrant.parse(s).orElseThrow(() -> new AssertionError("bad scope " + s)))
            .toList());
  }

  static String scope(String row) {
    return scope(row, TenantGrantsTest::name);
  }

  /** A scope in the row notation, with aliases (keys, accounts) resolved by {@code names}. */
  static String scope(String row, UnaryOperator<String> names) {
    String[] p = row.split("/");
    String keys =
        Arrays.stream(p[3].split(","))
            .map(k -> "from.tm=" + URLEncoder.encode(names.apply(k), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return "private://"
        + names.apply(p[0])
        + "/"
        + p[1]
        + "/contracts?owned.eoa="
        + names.apply(p[2])
        + "&"
        + keys;
  }

  private static String name(String alias) {
    return NAMES.getOrDefault(alias, alias);
  }

  private static ContractPrivacy target(String parties) {
    return switch (parties) {
      case "-" -> ContractPrivacy.PUBLIC;
      case "none" -> new ContractPrivacy.Private(Parties.NONE);
      default -> new ContractPrivacy.Private(parties(parties));
    };
  }

  private static Parties parties(String keys) {
    return new Parties(
        Arrays.stream(keys.split(",")).map(TenantGrantsTest::name).collect(Collectors.toSet()));
  }

  @ParameterizedTest(name = "[{0}] {1} as {2} with {3} on {4} -> {5}")
  @CsvSource(
      delimiter = ';',
      value = {
        // create: the sending key among a create (or _) grant's keys, the account its self-eoa
        "0x0/_/0x0/A;            create; acc1; A; -;    true",
        "0x0/_/0x0/A;            create; acc1; B; -;    false",
        "acc1/create/0x0/A;      create; acc1; A; -;    true",
        "acc1/create/0x0/B;      create; acc1; A; -;    false",
        "acc1/create/0x0/A;      create; acc2; A; -;    false",
        "acc1/create/acc2/A;     create; acc1; A; -;    true",
        "0x0/write/0x0/A;        create; acc1; A; -;    false",
        "0x0/read/0x0/A;         create; acc1; A; -;    false",
        "0x0/create/0x0/A,B;     create; acc1; B; -;    true",
        // write: the key with write rights, and a write grant whose keys meet the contract's
        // parties
        "0x0/_/0x0/A;            write;  acc1; A; A;    true",
        "0x0/_/0x0/A;            write;  acc1; A; A,B;    true",
        "0x0/_/0x0/A;            write;  acc1; A; B,C;    false",
        "0x0/_/0x0/A;            write;  acc1; B; B,C;    false",
        "0x0/_/0x0/A;            write;  acc1; A; -;    true",
        "0x0/_/0x0/A;            write;  acc1; A; none;   false",
        "0x0/write/0x0/A,B;      write;  acc1; A; B;    true",
        "0x0/write/0x0/A 0x0/read/0x0/B; write; acc1; A; B; false",
        "0x0/write/0x0/A 0x0/write/0x0/B; write; acc1; A; B; true",
        "0x0/create/0x0/A;       write;  acc1; A; -;    false",
        "acc1/write/0x0/A;       write;  acc2; A; A;    false",
        "acc1/write/0x0/A;       write;  ACC1; A; A;    true",
        "acc1/write/0x0/A 0x0/write/0x0/B; write; acc2; A; B; false",
        // owned.eoa: the contract's creator, unknown to Scopegate, so specific grants fail closed
        "0x0/write/acc2/A;       write;  acc1; A; A;    false",
        "0x0/write/acc2/A;       write;  acc1; A; -;    true",
        // read: self-eoa ignored; a read grant's keys meet the parties; owned.eoa as for write
        "0x0/read/0x0/A;         read;   -;    -; A,B;    true",
        "acc1/read/0x0/A;        read;   -;    -; A;    true",
        "0x0/read/0x0/A,B;       read;   -;    -; B,C;    true",
        "0x0/read/0x0/A,B;       read;   -;    -; C;    false",
        "0x0/create/0x0/A;       read;   -;    -; A;    false",
        "0x0/write/0x0/A;        read;   -;    -; A;    false",
        "0x0/_/0x0/A;            read;   -;    -; none;   false",
        "0x0/read/acc2/A;        read;   -;    -; A;    false",
        // acting as a node account: a non-read grant naming it, or 0x0
        "0x0/_/0x0/A;            own;    acc1; -; -;    true",
        "acc1/_/0x0/A;           own;    acc1; -; -;    true",
        "acc1/_/0x0/A;           own;    ACC1; -; -;    true",
        "acc1/_/0x0/A;           own;    acc2; -; -;    false",
        "acc1/create/0x0/A;      own;    acc1; -; -;    true",
        "0x0/read/0x0/A;         own;    acc1; -; -;    false",
        "acc1/read/0x0/A;        own;    acc1; -; -;    false",
      })
  void matrix(
      String scopes,
      String check,
      String account,
      String key,
      String parties,
      boolean allowed) {
    TenantGrants grants = grants(scopes);
    boolean actual =
        switch (check.trim()) {
          case "create" -> grants.mayCreate(name(account), name(key));
          case "write" -> grants.mayWrite(name(account), name(key), target(parties));
          case "read" -> grants.mayRead(parties(parties));
          case "own" -> grants.ownsAccount(name(account));
          default -> throw new AssertionError(check);
        };
    assertEquals(allowed, actual);
  }

  @Test
  void noGrantsAllowNothing() {
    TenantGrants none = TenantGrants.of(List.of());
    assertFalse(none.mayCreate(ACC1, KA));
    assertFalse(none.mayWrite(ACC1, KA, ContractPrivacy.PUBLIC));
    assertFalse(none.mayRead(Parties.of(KA)));
    assertFalse(none.ownsAccount(ACC1));
    assertFalse(Party.SENDER.is(none, new ContractPrivacy.Private(Parties.of(KA))));
    assertTrue(Party.SENDER.is(none, ContractPrivacy.PUBLIC), "public contracts are nobody's to refuse");
  }

  @Test
  void keysAndAccountsComeFromTheGrants() {
    TenantGrants grants = grants("acc1/write/0x0/A acc2/read/0x0/B 0x0/read/0x0/C");
    assertEquals(Set.of(KA, KB, KC), grants.keys());
    assertEquals(Set.of(ACC1), grants.accounts(), "read-only grants name no account to act as");
  }

  @Test
  void aSenderIsPartyByAnyOfItsKeys() {
    TenantGrants grants = grants("0x0/read/0x0/B");
    assertTrue(Party.SENDER.is(grants, new ContractPrivacy.Private(Parties.of(KB, KC))));
    assertFalse(Party.SENDER.is(grants, new ContractPrivacy.Private(Parties.of(KA))));
  }

  @Test
  void aReaderIsPartyOnlyByAGrantItMayReadWith() {
    TenantGrants writer = grants("0x0/write/0x0/B");
    ContractPrivacy shared = new ContractPrivacy.Private(Parties.of(KB, KC));
    assertTrue(Party.SENDER.is(writer, shared));
    assertFalse(Party.READER.is(writer, shared), "a write-only grant reads nothing");
    assertTrue(Party.READER.is(grants("0x0/_/0x0/B"), shared));
    assertTrue(Party.READER.is(writer, ContractPrivacy.PUBLIC));
  }
}
