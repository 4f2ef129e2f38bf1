package dev.scopegate.auth;

import static dev.scopegate.auth.TestTokens.AUDIENCE;
import static dev.scopegate.auth.TestTokens.ISSUER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.scopegate.jsonrpc.RpcError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A token is verified once; the cache never outlives the token. */
@ExtendWith(VertxExtension.class)
class CachingVerifierTest {
  private static final KeyPair RSA = TestTokens.rsa();
  private static final Duration SKEW = Duration.ofSeconds(30);

  private final TestClock clock = new TestClock();
  private final ClaimChecks checks = new ClaimChecks(List.of(ISSUER), List.of(AUDIENCE), SKEW);
  private JwtVerifier jwt;
  private CachingVerifier verifier;

  @BeforeEach
  void setUp(Vertx vertx) {
    KeyRing ring =
        KeyRing.of(vertx, List.of(VerificationKey.of(Optional.empty(), RSA.getPublic()).get()));
    jwt = new JwtVerifier(KeySource.fixed(ring), checks, new TenantClaims(""), clock);
    verifier = new CachingVerifier(jwt, checks, clock);
  }

  @Test
  void aTokenIsVerifiedOnce() {
    String token = TestTokens.token(clock.instant()).sign("RS256", RSA.getPrivate());

    Principal first = Await.result(verifier.verify(token));
    Principal second = Await.result(verifier.verify(token));
    Principal third = Await.result(verifier.verify(token));

    assertEquals(1, jwt.signatureChecks());
    assertSame(first, second);
    assertSame(first, third);
  }

  @Test
  void distinctTokensAreVerifiedEach() {
    String a = TestTokens.token(clock.instant()).sign("RS256", RSA.getPrivate());
    String b =
        TestTokens.token(clock.instant()).claim("sub", "bob").sign("RS256", RSA.getPrivate());

    assertEquals("alice", Await.result(verifier.verify(a)).subject());
    assertEquals("bob", Await.result(verifier.verify(b)).subject());
    assertEquals(2, jwt.signatureChecks());
  }

  @Test
  void aCachedTokenIsRefusedOnceExpired() {
    long exp = clock.instant().getEpochSecond() + 60;
    String token =
        TestTokens.token(clock.instant()).claim("exp", exp).sign("RS256", RSA.getPrivate());
    Await.result(verifier.verify(token));

    clock.advance(Duration.ofSeconds(60).plus(SKEW));
    Await.result(verifier.verify(token)); // exactly at exp + skew: within the skew still
    // a microsecond later: the cache must not round the boundary to a coarser unit than the
    // uncached check uses
    clock.advance(Duration.ofNanos(1_000));

    assertEquals(RpcError.TOKEN_EXPIRED, Await.error(verifier.verify(token)));
    assertEquals(1, jwt.signatureChecks(), "refused from the cache, not re-verified");
    assertEquals(RpcError.TOKEN_EXPIRED, Await.error(verifier.verify(token)));
    assertEquals(RpcError.TOKEN_EXPIRED, Await.error(jwt.verify(token)), "the uncached check agrees");
  }

  @Test
  void failuresAreNotCached() {
    String forged =
        TestTokens.tamper(TestTokens.token(clock.instant()).sign("RS256", RSA.getPrivate()));

    assertEquals(RpcError.INVALID_TOKEN, Await.error(verifier.verify(forged)));
    assertEquals(RpcError.INVALID_TOKEN, Await.error(verifier.verify(forged)));
    assertEquals(2, jwt.signatureChecks());
  }

  @Test
  void unavailableIsRetriedNotRemembered(Vertx vertx) {
    KeyRing ring =
        KeyRing.of(vertx, List.of(VerificationKey.of(Optional.empty(), RSA.getPublic()).get()));
    AtomicInteger calls = new AtomicInteger();
    KeySource flaky =
        kid ->
            calls.incrementAndGet() == 1
                ? Future.failedFuture(RpcError.VERIFIER_UNAVAILABLE.exception())
                : Future.succeededFuture(ring);
    TokenVerifier caching =
        new CachingVerifier(
            new JwtVerifier(flaky, checks, new TenantClaims(""), clock), checks, clock);
    String token = TestTokens.token(clock.instant()).sign("RS256", RSA.getPrivate());

    assertEquals(RpcError.VERIFIER_UNAVAILABLE, Await.error(caching.verify(token)));
    assertEquals("alice", Await.result(caching.verify(token)).subject());
  }
}
