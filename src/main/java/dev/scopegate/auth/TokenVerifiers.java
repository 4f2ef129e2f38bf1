package dev.scopegate.auth;

import dev.scopegate.config.Config;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;

/** Builds the token verifier that {@code auth.jwt} describes. */
public final class TokenVerifiers {
  private TokenVerifiers() {}

  /**
   * A caching JWT verifier keyed by the PEM file or the JWKS URL, or a verifier refusing every
   * token when neither is configured. Reads the PEM file here, on the caller's thread; an
   * unreadable or invalid file fails with {@link IllegalArgumentException}. An unreachable JWKS URL
   * does not fail: keys load in the background.
   */
  public static TokenVerifier create(Vertx vertx, Config.Jwt jwt) {
    return create(vertx, jwt, Clock.systemUTC());
  }

  static TokenVerifier create(Vertx vertx, Config.Jwt jwt, Clock clock) {
    KeySource keys;
    if (jwt.publicKeyFile().isPresent()) {
      VerificationKey key = PemKeys.read(jwt.publicKeyFile().get());
      keys = KeySource.fixed(KeyRing.of(vertx, List.of(key)));
    } else if (jwt.jwksUrl().isPresent()) {
      keys =
          new JwksKeySource(
              vertx, new JwksFetcher(vertx, jwt.jwksUrl().get()), jwt.jwksMinRefetch(), clock);
    } else {
      return new RefusingVerifier();
    }
    ClaimChecks checks = new ClaimChecks(jwt.issuers(), jwt.audiences(), jwt.clockSkew());
    TenantClaims tenants = new TenantClaims(jwt.claimsNamespace());
    JwtVerifier verifier = new JwtVerifier(keys, checks, tenants, clock);
    return new CachingVerifier(verifier, checks, clock);
  }
}
