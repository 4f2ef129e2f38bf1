package dev.scopegate.auth;

import static dev.scopegate.auth.JwtVerifierTest.Issuer.P256;
import static dev.scopegate.auth.JwtVerifierTest.Issuer.P384;
import static dev.scopegate.auth.JwtVerifierTest.Issuer.RS;
import static dev.scopegate.auth.TestTokens.AUDIENCE;
import static dev.scopegate.auth.TestTokens.ISSUER;
import static dev.scopegate.jsonrpc.RpcError.INVALID_TOKEN;
import static dev.scopegate.jsonrpc.RpcError.TOKEN_EXPIRED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.config.Config;
import dev.scopegate.jsonrpc.RpcError;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The token matrix against verifiers keyed by PEM files, clock skew 30s. */
class JwtVerifierTest {
  private static final TestClock CLOCK = new TestClock();
  private static final Instant NOW = CLOCK.instant();
  private static final long T = NOW.getEpochSecond();
  private static final KeyPair RSA = TestTokens.rsa();
  private static final KeyPair OTHER_RSA = TestTokens.rsa();
  private static final KeyPair EC256 = TestTokens.ec("secp256r1");
  private static final KeyPair EC384 = TestTokens.ec("secp384r1");
  private static final String RSA_PEM = TestTokens.pem(RSA.getPublic());
  private static final RpcError OK = null;

  @TempDir static Path dir;
  private static Vertx vertx;

  /** Which issuer key a verifier trusts. */
  enum Issuer {
    RS,
    P256,
    P384
  }

  private static Map<Issuer, TokenVerifier> verifiers;

  @BeforeAll
  static void start() throws IOException {
    vertx = Vertx.vertx();
    verifiers =
        Map.of(
            RS, verifier(RSA, ""),
            P256, verifier(EC256, ""),
            P384, verifier(EC384, ""));
  }

  @AfterAll
  static void stop() {
    Await.result(vertx.close());
  }

  static Stream<Arguments> matrix() {
    return Stream.of(
        row("valid RS256", RS, () -> rsa("RS256"), OK),
        row("valid RS384", RS, () -> rsa("RS384"), OK),
        row("valid RS512", RS, () -> rsa("RS512"), OK),
        row("valid PS256", RS, () -> rsa("PS256"), OK),
        row("valid PS512", RS, () -> rsa("PS512"), OK),
        row("valid ES256", P256, () -> valid().sign("ES256", EC256.getPrivate()), OK),
        row("valid ES384", P384, () -> valid().sign("ES384", EC384.getPrivate()), OK),
        row("missing exp", RS, () -> rsa(valid().without("exp")), INVALID_TOKEN),
        row("exp a string", RS, () -> rsa(valid().claim("exp", "" + (T + 60))), INVALID_TOKEN),
        row("expired beyond skew", RS, () -> rsa(valid().claim("exp", T - 31)), TOKEN_EXPIRED),
        row("expired within skew", RS, () -> rsa(valid().claim("exp", T - 10)), OK),
        row("nbf beyond skew", RS, () -> rsa(valid().claim("nbf", T + 60)), INVALID_TOKEN),
        row("nbf within skew", RS, () -> rsa(valid().claim("nbf", T + 10)), OK),
        row("nbf a string", RS, () -> rsa(valid().claim("nbf", "0")), INVALID_TOKEN),
        row("wrong iss", RS, () -> rsa(valid().claim("iss", "https://evil/")), INVALID_TOKEN),
        row("no iss", RS, () -> rsa(valid().without("iss")), INVALID_TOKEN),
        row("wrong aud", RS, () -> rsa(valid().claim("aud", "other")), INVALID_TOKEN),
        row("no aud", RS, () -> rsa(valid().without("aud")), INVALID_TOKEN),
        row(
            "aud array naming us",
            RS,
            () -> rsa(valid().claim("aud", List.of("other", AUDIENCE))),
            OK),
        row(
            "aud array not naming us",
            RS,
            () -> rsa(valid().claim("aud", List.of("other", "more"))),
            INVALID_TOKEN),
        row(
            "aud object",
            RS,
            () -> rsa(valid().claim("aud", Map.of("x", AUDIENCE))),
            INVALID_TOKEN),
        row("alg none, unsigned", RS, () -> valid().withSignature("none", ""), INVALID_TOKEN),
        row(
            "alg none, two parts",
            RS,
            () -> twoParts(valid().withSignature("none", "")),
            INVALID_TOKEN),
        row(
            "alg none, with a signature",
            RS,
            () -> valid().withSignature("none", "c2ln"),
            INVALID_TOKEN),
        row(
            "HS256 keyed with the public key PEM",
            RS,
            () -> valid().hmac("HS256", RSA_PEM.getBytes(StandardCharsets.US_ASCII)),
            INVALID_TOKEN),
        row(
            "HS256 keyed with the public key DER",
            RS,
            () -> valid().hmac("HS256", RSA.getPublic().getEncoded()),
            INVALID_TOKEN),
        row("bad signature", RS, () -> TestTokens.tamper(rsa("RS256")), INVALID_TOKEN),
        row(
            "signed by another key",
            RS,
            () -> valid().sign("RS256", OTHER_RSA.getPrivate()),
            INVALID_TOKEN),
        row(
            "PS256 header, RS256 signature",
            RS,
            () -> relabel(rsa("RS256"), "PS256"),
            INVALID_TOKEN),
        row(
            "ES256 against an RSA key",
            RS,
            () -> valid().sign("ES256", EC256.getPrivate()),
            INVALID_TOKEN),
        row("RS256 against an EC key", P256, () -> rsa("RS256"), INVALID_TOKEN),
        row(
            "ES384 against a P-256 key",
            P256,
            () -> valid().sign("ES384", EC384.getPrivate()),
            INVALID_TOKEN),
        row(
            "repeated alg in header",
            RS,
            () ->
                valid()
                    .rawHeader("{\"alg\":\"none\",\"alg\":\"RS256\"}")
                    .sign("RS256", RSA.getPrivate()),
            INVALID_TOKEN),
        row("repeated exp in payload", RS, () -> repeatedExp(), INVALID_TOKEN),
        row("crit header", RS, () -> rsa(valid().header("crit", List.of("b64"))), INVALID_TOKEN),
        row("kid not a string", RS, () -> rsa(valid().header("kid", 7)), INVALID_TOKEN),
        row("malformed: empty", RS, () -> "", INVALID_TOKEN),
        row("malformed: one part", RS, () -> "abc", INVALID_TOKEN),
        row("malformed: four parts", RS, () -> rsa("RS256") + ".e30", INVALID_TOKEN),
        row(
            "malformed: empty signature",
            RS,
            () -> valid().withSignature("RS256", ""),
            INVALID_TOKEN),
        row("malformed: header not base64url", RS, () -> "!!!." + rsa("RS256"), INVALID_TOKEN),
        row(
            "malformed: header not JSON",
            RS,
            () -> TestTokens.base64url("nope") + ".e30.c2ln",
            INVALID_TOKEN),
        row(
            "malformed: payload an array",
            RS,
            () ->
                TestTokens.base64url("{\"alg\":\"RS256\"}")
                    + "."
                    + TestTokens.base64url("[]")
                    + ".c2ln",
            INVALID_TOKEN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matrix")
  void tokenMatrix(String name, Issuer issuer, Supplier<String> token, RpcError expected) {
    TokenVerifier verifier = verifiers.get(issuer);
    if (expected == OK) {
      Principal principal = Await.result(verifier.verify(token.get()));
      assertEquals("alice", principal.subject());
      assertEquals(Principal.Kind.TENANT, principal.kind());
    } else {
      assertEquals(expected, Await.error(verifier.verify(token.get())));
    }
  }

  @Test
  void principalCarriesSubjectTenantGrantsAndExpiry() {
    String token =
        rsa(
            valid()
                .claim("exp", T + 120)
                .claim(
                    "scope",
                    "rpc://eth_* private://0x0/read/contracts?owned.eoa=0x0&from.tm=QUJD"));

    Principal principal = Await.result(verifiers.get(RS).verify(token));

    assertEquals("alice", principal.subject());
    assertEquals(Optional.of("alice"), principal.tenantId());
    assertEquals(Optional.of(Instant.ofEpochSecond(T + 120)), principal.expiry());
    assertTrue(principal.mayCall("eth_chainId"));
    assertTrue(!principal.mayCall("admin_peers"));
    assertEquals(
        List.of(new PrivateGrant("0x0", PrivateGrant.Action.READ, "0x0", List.of("QUJD"))),
        principal.privateGrants());
  }

  @Test
  void tenantIdFromTheNamespacedClaim() throws IOException {
    TokenVerifier verifier = verifier(RSA, "https://scopegate.dev/claims");
    String token = rsa(valid().claim("https://scopegate.dev/claims", Map.of("tenant_id", "acme")));

    Principal principal = Await.result(verifier.verify(token));

    assertEquals(Optional.of("acme"), principal.tenantId());
    assertEquals("alice", principal.subject());
  }

  @Test
  void namespaceConfiguredButAbsentGivesNoTenantIdNotTheSubject() throws IOException {
    TokenVerifier verifier = verifier(RSA, "https://scopegate.dev/claims");

    Principal principal = Await.result(verifier.verify(rsa("RS256")));

    assertEquals(Optional.empty(), principal.tenantId());
  }

  @Test
  void noSubjectIsAnEmptySubjectAndNoTenant() {
    Principal principal = Await.result(verifiers.get(RS).verify(rsa(valid().without("sub"))));

    assertEquals("", principal.subject());
    assertEquals(Optional.empty(), principal.tenantId());
  }

  @Test
  void aKeyFileThatIsNoPublicKeyStopsStartupNamingTheFile() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.pem"), "-----BEGIN PUBLIC KEY-----\nAAAA\n");

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TokenVerifiers.create(vertx, jwt(Optional.of(bad), "")));
    assertTrue(e.getMessage().contains("bad.pem"), e.getMessage());
  }

  @Test
  void noKeyConfiguredRefusesEveryToken() {
    TokenVerifier verifier = TokenVerifiers.create(vertx, jwt(Optional.empty(), ""));

    assertEquals(RpcError.INVALID_TOKEN, Await.error(verifier.verify(rsa("RS256"))));
    assertEquals(
        RpcError.INVALID_TOKEN, Await.error(verifier.verify(valid().withSignature("none", ""))));
  }

  static Config.Jwt jwt(Optional<Path> pem, String namespace) {
    return new Config.Jwt(
        pem,
        Optional.empty(),
        List.of(ISSUER),
        List.of(AUDIENCE),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        namespace);
  }

  private static TokenVerifier verifier(KeyPair keys, String namespace) throws IOException {
    Path pem = Files.createTempFile(dir, "issuer", ".pem");
    Files.writeString(pem, TestTokens.pem(keys.getPublic()));
    return TokenVerifiers.create(vertx, jwt(Optional.of(pem), namespace), CLOCK);
  }

  private static Arguments row(
      String name, Issuer issuer, Supplier<String> token, RpcError expected) {
    return Arguments.of(name, issuer, token, expected);
  }

  private static TestTokens.Builder valid() {
    return TestTokens.token(NOW);
  }

  private static String rsa(String alg) {
    return valid().sign(alg, RSA.getPrivate());
  }

  private static String rsa(TestTokens.Builder token) {
    return token.sign("RS256", RSA.getPrivate());
  }

  private static String twoParts(String token) {
    return token.substring(0, token.lastIndexOf('.'));
  }

  /** {@code token}'s payload and signature under a header naming {@code alg}. */
  private static String relabel(String token, String alg) {
    String header = TestTokens.base64url("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}");
    return header + token.substring(token.indexOf('.'));
  }

  private static String repeatedExp() {
    String claims =
        "{\"sub\":\"alice\",\"iss\":\"%s\",\"aud\":\"%s\",\"exp\":%d,\"exp\":%d}"
            .formatted(ISSUER, AUDIENCE, T - 3600, T + 3600);
    return rsa(valid().rawClaims(claims));
  }
}
