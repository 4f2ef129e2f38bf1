package dev.scopegate.auth;

import static dev.scopegate.auth.TestTokens.AUDIENCE;
import static dev.scopegate.auth.TestTokens.ISSUER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.config.Config;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcError;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Keys from a JWKS endpoint served by a test HTTP server; refetches ruled by the test clock. */
@ExtendWith(VertxExtension.class)
class JwksKeySourceTest {
  private static final KeyPair K1 = TestTokens.rsa();
  private static final KeyPair K2 = TestTokens.rsa();
  private static final KeyPair EC = TestTokens.ec("secp256r1");
  private static final Duration MIN_REFETCH = Duration.ofMillis(10);

  private final TestClock clock = new TestClock();
  private Vertx vertx;
  private JwksServer jwks;
  private JwksKeySource source;
  private JwtVerifier verifier;

  @BeforeEach
  void serveK1(Vertx vertx) {
    this.vertx = vertx;
    jwks = Await.result(JwksServer.start(vertx, 0));
    jwks.serve(TestTokens.jwks(TestTokens.jwk(K1.getPublic(), "k1")));
  }

  @AfterEach
  void closeSource() {
    if (source != null) {
      Await.result(source.close());
    }
  }

  @Test
  void tokensVerifyOnceTheKeysLoad() {
    start(jwks);
    Await.result(source.loaded());

    assertEquals("alice", Await.result(verifier.verify(token("k1", K1))).subject());
    assertEquals("alice", Await.result(verifier.verify(token(null, K1))).subject());
    assertEquals(1, jwks.fetches());
  }

  @Test
  void unknownKidRefetchesAndFindsTheRotatedKey() {
    start(jwks);
    Await.result(source.loaded());
    jwks.serve(TestTokens.jwks(TestTokens.jwk(K2.getPublic(), "k2")));
    clock.advance(Duration.ofSeconds(1));

    assertEquals("alice", Await.result(verifier.verify(token("k2", K2))).subject());
    assertEquals(2, jwks.fetches());
    // k1 left the set: its tokens are no longer accepted
    assertEquals(RpcError.INVALID_TOKEN, Await.error(verifier.verify(token("k1", K1))));
  }

  @Test
  void aWithdrawnKeyStopsBeingTrustedAfterTheTimedRefresh() {
    source =
        new JwksKeySource(
            vertx, new JwksFetcher(vertx, jwks.url()), MIN_REFETCH, clock, Duration.ofMillis(50));
    Await.result(source.loaded());
    assertTrue(Await.result(source.keysFor(Optional.of("k1"))).knows("k1"));
    jwks.serve(TestTokens.jwks(TestTokens.jwk(K2.getPublic(), "k2")));
    Await.result(jwks.answered(3));
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (Await.result(source.keysFor(Optional.empty())).knows("k1")
        && System.nanoTime() < deadline) {
      Await.result(jwks.answered(jwks.fetches() + 1));
    }
    KeyRing refreshed = Await.result(source.keysFor(Optional.empty()));
    assertTrue(refreshed.knows("k2"), "refreshed without any token asking");
    assertTrue(!refreshed.knows("k1"), "the withdrawn key is gone");
  }

  @Test
  void unknownKidsRefetchAtMostOncePerMinRefetch() {
    start(jwks);
    Await.result(source.loaded());

    assertEquals(RpcError.INVALID_TOKEN, Await.error(verifier.verify(token("k9", K2))));
    assertEquals(2, jwks.fetches(), "the first unknown kid after start refetches at once");
    assertEquals(RpcError.INVALID_TOKEN, Await.error(verifier.verify(token("k8", K2))));
    assertEquals(2, jwks.fetches(), "within minRefetch of that refetch: not again");

    clock.advance(Duration.ofSeconds(1));
    assertEquals(RpcError.INVALID_TOKEN, Await.error(verifier.verify(token("k9", K2))));
    assertEquals(RpcError.INVALID_TOKEN, Await.error(verifier.verify(token("k8", K2))));
    assertEquals(3, jwks.fetches(), "one refetch for the two unknown kids");
  }

  @Test
  void aKeyRotatedRightAfterStartIsFoundAlthoughTheStartFetchWasWithinMinRefetch() {
    source =
        new JwksKeySource(vertx, new JwksFetcher(vertx, jwks.url()), Duration.ofHours(1), clock);
    verifier = new JwtVerifier(source, checks(), new TenantClaims(""), clock);
    Await.result(source.loaded());
    jwks.serve(TestTokens.jwks(TestTokens.jwk(K2.getPublic(), "k2")));

    assertEquals("alice", Await.result(verifier.verify(token("k2", K2))).subject());
    assertEquals(2, jwks.fetches());
    jwks.serve(TestTokens.jwks(TestTokens.jwk(K1.getPublic(), "k3")));
    assertEquals(RpcError.INVALID_TOKEN, Await.error(verifier.verify(token("k3", K1))));
    assertEquals(2, jwks.fetches(), "the second unknown kid waits for minRefetch");
  }

  @Test
  void unknownKidWhileTheJwksIsDownIsUnavailableKnownKidsStillVerify() {
    start(jwks);
    Await.result(source.loaded());
    Await.result(jwks.stop());
    clock.advance(Duration.ofSeconds(1));

    assertEquals(RpcError.VERIFIER_UNAVAILABLE, Await.error(verifier.verify(token("k2", K2))));
    assertEquals("alice", Await.result(verifier.verify(token("k1", K1))).subject());
  }

  @Test
  void jwksDownAtStartRefusesAsUnavailableThenAcceptsOnceItIsUp() {
    int port = jwks.port();
    URI url = jwks.url();
    Await.result(jwks.stop());

    start(url); // must not fail although nothing listens
    assertEquals(RpcError.VERIFIER_UNAVAILABLE, Await.error(verifier.verify(token("k1", K1))));

    JwksServer up = Await.result(JwksServer.start(vertx, port));
    up.serve(TestTokens.jwks(TestTokens.jwk(K1.getPublic(), "k1")));
    Await.result(source.loaded());

    assertEquals("alice", Await.result(verifier.verify(token("k1", K1))).subject());
  }

  @Test
  void aTokenArrivingDuringTheFirstFetchWaitsForItInsteadOfBeingRefused() {
    Promise<List<VerificationKey>> first = Promise.promise();
    HeldFetcher held = new HeldFetcher(first.future());
    source = new JwksKeySource(vertx, held, MIN_REFETCH, clock);
    verifier = new JwtVerifier(source, checks(), new TenantClaims(""), clock);

    Future<Principal> early = verifier.verify(token("k1", K1));
    assertFalse(early.isComplete(), "answered before the keys were known");
    first.complete(List.of(VerificationKey.of(Optional.of("k1"), K1.getPublic()).orElseThrow()));

    assertEquals("alice", Await.result(early).subject());
    assertEquals(1, held.fetches, "the waiting token shared the fetch at start");
  }

  @Test
  void forgedTokensWaitingOnTheFirstFetchAreRefusedAndShareIt() {
    Promise<List<VerificationKey>> first = Promise.promise();
    HeldFetcher held = new HeldFetcher(first.future());
    source = new JwksKeySource(vertx, held, MIN_REFETCH, clock);
    verifier = new JwtVerifier(source, checks(), new TenantClaims(""), clock);

    Future<Principal> genuine = verifier.verify(token("k1", K1));
    Future<Principal> tampered = verifier.verify(TestTokens.tamper(token("k1", K1)));
    Future<Principal> otherKey = verifier.verify(token("k1", K2)); // claims k1, signed by K2
    assertEquals(1, held.fetches, "three tokens waiting, one fetch");
    first.complete(List.of(VerificationKey.of(Optional.of("k1"), K1.getPublic()).orElseThrow()));

    assertEquals("alice", Await.result(genuine).subject());
    assertEquals(RpcError.INVALID_TOKEN, Await.error(tampered));
    assertEquals(RpcError.INVALID_TOKEN, Await.error(otherKey));
  }

  @Test
  void aTokenWaitingOnAFirstFetchThatFailsIsRefusedAsUnavailable() {
    Promise<List<VerificationKey>> first = Promise.promise();
    source = new JwksKeySource(vertx, new HeldFetcher(first.future()), MIN_REFETCH, clock);
    verifier = new JwtVerifier(source, checks(), new TenantClaims(""), clock);

    Future<Principal> early = verifier.verify(token("k1", K1));
    first.fail(new java.io.IOException("connection refused"));

    assertEquals(RpcError.VERIFIER_UNAVAILABLE, Await.error(early));
  }

  /** A key set whose first fetch completes when the test says; later ones answer the same. */
  private static final class HeldFetcher implements KeySetFetcher {
    private final Future<List<VerificationKey>> first;
    private int fetches;

    HeldFetcher(Future<List<VerificationKey>> first) {
      this.first = first;
    }

    @Override
    public Future<List<VerificationKey>> fetch() {
      fetches++;
      return first;
    }

    @Override
    public String describe() {
      return "a held key set";
    }

    @Override
    public void close() {}
  }

  @Test
  void jwksFailingAtStartIsRetriedUntilItAnswers() {
    jwks.status(503);
    start(jwks);
    Await.result(jwks.answered(1));
    assertEquals(RpcError.VERIFIER_UNAVAILABLE, Await.error(verifier.verify(token("k1", K1))));

    jwks.status(200);
    Await.result(source.loaded());

    assertEquals("alice", Await.result(verifier.verify(token("k1", K1))).subject());
    assertTrue(jwks.fetches() >= 2, "refused fetches were retried");
  }

  @Test
  void ecKeysAndAlgPinnedKeysFromTheSet() {
    ObjectNode pinned = TestTokens.jwk(K1.getPublic(), "k1").put("alg", "RS384");
    ObjectNode hmac = Json.MAPPER.createObjectNode().put("kty", "oct").put("kid", "h");
    hmac.put("k", TestTokens.base64url("secret"));
    jwks.serve(TestTokens.jwks(pinned, TestTokens.jwk(EC.getPublic(), "e1"), hmac));
    start(jwks);
    Await.result(source.loaded());

    assertEquals("alice", Await.result(verifier.verify(token("e1", "ES256", EC))).subject());
    assertEquals("alice", Await.result(verifier.verify(token("k1", "RS384", K1))).subject());
    assertEquals(RpcError.INVALID_TOKEN, Await.error(verifier.verify(token("k1", "RS256", K1))));
    String hs256 =
        TestTokens.token(clock.instant())
            .header("kid", "h")
            .hmac("HS256", "secret".getBytes(StandardCharsets.UTF_8));
    assertEquals(RpcError.INVALID_TOKEN, Await.error(verifier.verify(hs256)));
  }

  @Test
  void creatingAVerifierForAnUnreachableJwksDoesNotFail() {
    URI url = jwks.url();
    Await.result(jwks.stop());
    Config.Jwt jwt =
        new Config.Jwt(
            Optional.empty(),
            Optional.of(url),
            List.of(ISSUER),
            List.of(AUDIENCE),
            Duration.ofSeconds(30),
            MIN_REFETCH,
            "");

    TokenVerifier created = TokenVerifiers.create(vertx, jwt, clock);

    assertEquals(RpcError.VERIFIER_UNAVAILABLE, Await.error(created.verify(token("k1", K1))));
    Await.result(created.close());
  }

  private void start(JwksServer server) {
    start(server.url());
  }

  private void start(URI url) {
    source = new JwksKeySource(vertx, new JwksFetcher(vertx, url), MIN_REFETCH, clock);
    verifier = new JwtVerifier(source, checks(), new TenantClaims(""), clock);
  }

  private static ClaimChecks checks() {
    return new ClaimChecks(List.of(ISSUER), List.of(AUDIENCE), Duration.ofSeconds(30));
  }

  private String token(String kid, KeyPair keys) {
    return token(kid, "RS256", keys);
  }

  private String token(String kid, String alg, KeyPair keys) {
    TestTokens.Builder token = TestTokens.token(clock.instant());
    if (kid != null) {
      token.header("kid", kid);
    }
    return token.sign(alg, keys.getPrivate());
  }
}
