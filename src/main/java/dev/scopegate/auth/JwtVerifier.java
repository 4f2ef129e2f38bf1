package dev.scopegate.auth;

import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import io.vertx.core.Future;
import io.vertx.ext.auth.authentication.TokenCredentials;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a JWT: its header is read and its algorithm allow-listed here, vert.x checks the
 * signature against the issuer's keys, then {@link ClaimChecks} checks times, issuer and audience.
 */
final class JwtVerifier implements TokenVerifier {
  private static final Logger LOG = LoggerFactory.getLogger(JwtVerifier.class);

  private final KeySource keys;
  private final ClaimChecks checks;
  private final TenantClaims tenants;
  private final Clock clock;
  private final AtomicLong signatureChecks = new AtomicLong();

  JwtVerifier(KeySource keys, ClaimChecks checks, TenantClaims tenants, Clock clock) {
    this.keys = keys;
    this.checks = checks;
    this.tenants = tenants;
    this.clock = clock;
  }

  @Override
  public Future<Principal> verify(String token) {
    JwtToken jwt;
    try {
      jwt = JwtToken.parse(token);
    } catch (RpcException e) {
      return Future.failedFuture(e);
    }
    return keys.keysFor(jwt.kid())
        .compose(ring -> checkSignature(ring, token)
            .recover(failed -> keys.newerThan(ring).compose(newer -> newer
                .map(next -> checkSignature(next, token))
                .orElse(Future.failedFuture(failed)))))
        .compose(
            signed -> {
              try {
                Instant expiry = checks.check(jwt.claims(), clock.instant());
                return Future.succeededFuture(tenants.principal(jwt.claims(), expiry));
              } catch (RpcException e) {
                LOG.debug("token of tenant {} refused: {}",
                    tenants.tenantId(jwt.claims()).orElse("-"), e.error());
                return Future.failedFuture(e);
              }
            });
  }

  @Override
  public Future<Void> close() {
    return keys.close();
  }

  /** How many signatures were checked; tests observe caching through it. */
  long signatureChecks() {
    return signatureChecks.get();
  }

  ClaimChecks checks() {
    return checks;
  }

  private Future<Void> checkSignature(KeyRing ring, String token) {
    signatureChecks.incrementAndGet();
    Future<?> checked;
    try {
      checked = ring.auth().authenticate(new TokenCredentials(token));
    } catch (RuntimeException e) {
      // vert.x throws rather than fails on some claims it reads itself (a non-numeric exp)
      checked = Future.failedFuture(e);
    }
    return checked
        .<Void>mapEmpty()
        .recover(
            e -> {
              LOG.debug("token refused: signature check failed ({})", e.toString());
              return Future.failedFuture(RpcError.INVALID_TOKEN.exception());
            });
  }
}
