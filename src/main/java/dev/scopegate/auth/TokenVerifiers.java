package dev.scopegate.auth;

import dev.scopegate.config.Config;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Builds the token verifier that {@code auth.jwt} and {@code auth.introspection} describe. */
public final class TokenVerifiers {
  private TokenVerifiers() {}

  /**
   * A caching JWT verifier keyed by the PEM file, the JWKS URL or the issuer's discovery document,
   * routed beside an introspecting one when introspection is configured; a verifier refusing every
   * token when nothing is configured. Reads the PEM file here, on the caller's thread; an
   * unreadable or invalid file fails with {@link IllegalArgumentException}. An unreachable JWKS
   * URL or issuer does not fail: keys load in the background.
   */
  public static TokenVerifier create(Vertx vertx, Config.Jwt jwt) {
    return create(vertx, new Config.Auth("", jwt), Clock.systemUTC());
  }

  public static TokenVerifier create(Vertx vertx, Config.Auth auth) {
    return create(vertx, auth, Clock.systemUTC());
  }

  static TokenVerifier create(Vertx vertx, Config.Jwt jwt, Clock clock) {
    return create(vertx, new Config.Auth("", jwt), clock);
  }

  static TokenVerifier create(Vertx vertx, Config.Auth auth, Clock clock) {
    Config.Jwt jwt = auth.jwt();
    Optional<OidcDiscovery> discovery = jwt.issuerUrl().map(url -> new OidcDiscovery(vertx, url));
    KeySource keys;
    if (jwt.publicKeyFile().isPresent()) {
      VerificationKey key = PemKeys.read(jwt.publicKeyFile().get());
      keys = KeySource.fixed(KeyRing.of(vertx, List.of(key)));
    } else if (jwt.jwksUrl().isPresent()) {
      keys = new JwksKeySource(
          vertx, new JwksFetcher(vertx, jwt.jwksUrl().get()), jwt.jwksMinRefetch(), clock);
    } else if (discovery.isPresent()) {
      keys = new JwksKeySource(
          vertx, new DiscoveredJwks(vertx, discovery.get()), jwt.jwksMinRefetch(), clock);
    } else {
      keys = null;
    }
    // an issuer URL is the issuer: with no issuers listed, its tokens and no others are accepted
    List<String> issuers = jwt.issuers().isEmpty() && jwt.issuerUrl().isPresent()
        ? List.of(jwt.issuerUrl().get().toString()) : jwt.issuers();
    ClaimChecks checks = new ClaimChecks(issuers, jwt.audiences(), jwt.clockSkew());
    TenantClaims tenants = new TenantClaims(jwt.claimsNamespace(), jwt.scopeClaim());
    Optional<TokenVerifier> introspection = introspection(vertx, auth, discovery, tenants, checks, clock);
    if (keys == null) { // no key source: every token is introspected, or refused
      return introspection.orElseGet(
          () -> new RefusingVerifier(!auth.introspection().clientId().isEmpty()));
    }
    TokenVerifier signed =
        new CachingVerifier(new JwtVerifier(keys, checks, tenants, clock), checks, clock);
    return introspection.isEmpty() ? signed
        : new TokenRouter(signed, introspection, jwt.preferIntrospection());
  }

  private static Optional<TokenVerifier> introspection(Vertx vertx, Config.Auth auth,
      Optional<OidcDiscovery> discovery, TenantClaims tenants, ClaimChecks checks, Clock clock) {
    Config.Introspection config = auth.introspection();
    if (config.clientId().isEmpty()) {
      return Optional.empty();
    }
    Supplier<Future<URI>> endpoint;
    if (config.endpoint().isPresent()) {
      Future<URI> fixed = Future.succeededFuture(config.endpoint().get());
      endpoint = () -> fixed;
    } else if (discovery.isPresent()) {
      OidcDiscovery d = discovery.get();
      endpoint = () -> d.document().compose(doc -> doc.introspectionEndpoint()
          .map(Future::succeededFuture)
          .orElseGet(() -> Future.failedFuture("the issuer's discovery names no introspection_endpoint")));
    } else {
      return Optional.empty();
    }
    IntrospectionClient client = new IntrospectionClient(vertx, endpoint, config);
    return Optional.of(new IntrospectionVerifier(client, tenants, checks, config, clock));
  }
}
