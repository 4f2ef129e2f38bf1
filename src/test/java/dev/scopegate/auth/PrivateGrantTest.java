package dev.scopegate.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.scopegate.auth.PrivateGrant.Action;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class PrivateGrantTest {
  // a Tessera key with every character URL encoding matters for: '/', '+' and '='
  private static final String KEY = "BULeR8JyUWhiuuCMU/HLA0Q5pzkYT+cHII3ZKBey3Bo=";
  private static final String KEY_ENCODED = "BULeR8JyUWhiuuCMU%2FHLA0Q5pzkYT%2BcHII3ZKBey3Bo%3D";
  private static final String OTHER = "QfeDAys9MPDs2XHExtc84jKGHxZg/aj52DTh0vtA3Xc=";
  private static final String OTHER_ENCODED = "QfeDAys9MPDs2XHExtc84jKGHxZg%2Faj52DTh0vtA3Xc%3D";
  private static final String ACCOUNT = "0xed9d02e382b34818e88b88a309c7fe71e65f419d";

  private final Logger log = (Logger) LoggerFactory.getLogger(PrivateScopeParser.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void captureLog() {
    logged.start();
    log.addAppender(logged);
  }

  @AfterEach
  void releaseLog() {
    log.detachAppender(logged);
  }

  @Test
  void readsAccountsActionAndDecodedKeys() {
    String scope =
        "private://"
            + ACCOUNT.toUpperCase().replace("0X", "0x")
            + "/read/contracts?owned.eoa="
            + ACCOUNT
            + "&from.tm="
            + KEY_ENCODED;

    PrivateGrant grant = PrivateGrant.parse(scope).orElseThrow();

    assertEquals(new PrivateGrant(ACCOUNT, Action.READ, ACCOUNT, List.of(KEY)), grant);
  }

  @Test
  void repeatedFromTmGivesEveryKeyInOrder() {
    String scope =
        "private://0x0/_/contracts?owned.eoa=0x0&from.tm="
            + KEY_ENCODED
            + "&from.tm="
            + OTHER_ENCODED;

    PrivateGrant grant = PrivateGrant.parse(scope).orElseThrow();

    assertEquals(new PrivateGrant("0x0", Action.ANY, "0x0", List.of(KEY, OTHER)), grant);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({"read, READ", "write, WRITE", "create, CREATE", "_, ANY", "READ, READ"})
  void actions(String raw, Action action) {
    String scope = "private://0x0/" + raw + "/contracts?owned.eoa=0x0&from.tm=" + KEY_ENCODED;

    assertEquals(action, PrivateGrant.parse(scope).orElseThrow().action());
  }

  @Test
  void rawPlusRefusesTheWholeScopeAndSaysWhy() {
    String rawPlus = KEY_ENCODED.replace("%2B", "+");
    String scope =
        "private://0x0/_/contracts?owned.eoa=0x0&from.tm=" + OTHER_ENCODED + "&from.tm=" + rawPlus;

    assertTrue(PrivateGrant.parse(scope).isEmpty());
    ILoggingEvent warning = logged.list.get(0);
    assertEquals(Level.WARN, warning.getLevel());
    assertTrue(warning.getFormattedMessage().contains("raw '+'"), warning.getFormattedMessage());
    assertFalse(warning.getFormattedMessage().contains("QfeDAys9"), "the log names no key");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        // not base64 once decoded, or not canonical base64
        "private://0x0/_/contracts?owned.eoa=0x0&from.tm=not%20base64",
        "private://0x0/_/contracts?owned.eoa=0x0&from.tm=QUJ",
        "private://0x0/_/contracts?owned.eoa=0x0&from.tm=QUJDRA",
        "private://0x0/_/contracts?owned.eoa=0x0&from.tm=",
        "private://0x0/_/contracts?owned.eoa=0x0&from.tm="
            + "BULeR8JyUWhiuuCMU_HLA0Q5pzkYT-cHII3ZKBey3Bo%3D", // base64url, not base64
        "private://0x0/_/contracts?owned.eoa=0x0&from.tm=%ZZ",
        // accounts
        "private://0x123/_/contracts?owned.eoa=0x0&from.tm=QUJD",
        "private://0x0/_/contracts?owned.eoa=0x00&from.tm=QUJD",
        "private://0x0/_/contracts?owned.eoa=self&from.tm=QUJD",
        // parameters
        "private://0x0/_/contracts?from.tm=QUJD",
        "private://0x0/_/contracts?owned.eoa=0x0&owned.eoa=0x0&from.tm=QUJD",
        "private://0x0/_/contracts?owned.eoa=0x0",
        "private://0x0/_/contracts?owned.eoa",
        // shape
        "private://0x0/delete/contracts?owned.eoa=0x0&from.tm=QUJD",
        "private://0x0/_/accounts?owned.eoa=0x0&from.tm=QUJD",
        "private://0x0/_/contracts/x?owned.eoa=0x0&from.tm=QUJD",
        "private://0x0/_/contracts",
        "private://0x0/_/contracts?owned.eoa=0x0&from.tm=QUJD#frag",
      })
  void malformedScopesGrantNothing(String scope) {
    assertTrue(PrivateGrant.parse(scope).isEmpty());
    assertEquals(1, logged.list.size(), "one warning naming the problem");
  }

  @ParameterizedTest
  @ValueSource(strings = {"rpc://eth_*", "openid", "privatex://0x0/_/contracts?owned.eoa=0x0"})
  void otherScopesAreNotPrivateAndNotWarnedAbout(String scope) {
    assertTrue(PrivateGrant.parse(scope).isEmpty());
    assertTrue(logged.list.isEmpty());
  }

  @Test
  void unknownParametersAreIgnored() {
    String scope =
        "private://0x0/write/contracts?owned.eoa=0x0&party.tm=QUJD&from.tm=" + KEY_ENCODED;

    assertEquals(List.of(KEY), PrivateGrant.parse(scope).orElseThrow().tmKeys());
  }
}
