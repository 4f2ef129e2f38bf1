package dev.scopegate.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.scopegate.config.Config;
import dev.scopegate.jsonrpc.RpcError;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies opaque tokens by RFC 7662 introspection. Answers are remembered by the token's SHA-256
 * (never the token): an active one until its {@code exp} but no longer than {@code cacheTtl}, an
 * inactive one for {@code negativeTtl}, so a token revoked at the provider stops working within
 * {@code cacheTtl}. An endpoint that fails is not remembered: the next request asks again.
 */
final class IntrospectionVerifier implements TokenVerifier {
  private static final Logger LOG = LoggerFactory.getLogger(IntrospectionVerifier.class);

  /** A remembered answer: the principal, or the refusal. */
  private record Outcome(Optional<Principal> principal, RpcError refusal, Duration ttl) {}

  private final IntrospectionClient client;
  private final TenantClaims tenants;
  private final ClaimChecks checks;
  private final Config.Introspection config;
  private final Clock clock;
  private final Cache<String, Outcome> answers;

  IntrospectionVerifier(IntrospectionClient client, TenantClaims tenants, ClaimChecks checks,
      Config.Introspection config, Clock clock) {
    this.client = client;
    this.tenants = tenants;
    this.checks = checks;
    this.config = config;
    this.clock = clock;
    this.answers = Caffeine.newBuilder()
        .maximumSize(config.cacheSize())
        .expireAfter(Expiry.<String, Outcome>creating((key, outcome) -> outcome.ttl()))
        .build();
  }

  @Override
  public Future<Principal> verify(String token) {
    String key = TokenDigest.of(token);
    Outcome known = answers.getIfPresent(key);
    if (known != null) {
      return answer(known);
    }
    return client.introspect(token)
        .recover(e -> {
          LOG.warn("token introspection unavailable ({}); refused as retriable", e.getMessage());
          return Future.failedFuture(RpcError.VERIFIER_UNAVAILABLE.exception());
        })
        .compose(response -> {
          Outcome outcome = outcome(response);
          answers.put(key, outcome);
          return answer(outcome);
        });
  }

  @Override
  public Future<Void> close() {
    answers.invalidateAll();
    client.close();
    return Future.succeededFuture();
  }

  private Future<Principal> answer(Outcome outcome) {
    Optional<Principal> principal = outcome.principal();
    if (principal.isPresent()) {
      if (checks.isExpired(principal.get().expiry().orElseThrow(), clock.instant())) {
        return Future.failedFuture(RpcError.TOKEN_EXPIRED.exception());
      }
      return Future.succeededFuture(principal.get());
    }
    return Future.failedFuture(outcome.refusal().exception());
  }

  private Outcome outcome(JsonNode response) {
    Instant now = clock.instant();
    // RFC 7662 §2.2: active is a JSON boolean; anything else is not an active token
    if (!response.path("active").isBoolean() || !response.path("active").booleanValue()) {
      LOG.debug("token refused: introspection says inactive (tenant {})",
          tenants.tenantId(response).orElse("-"));
      return refused(RpcError.INVALID_TOKEN);
    }
    Optional<String> mismatch = checks.presentIssuerOrAudienceMismatch(response);
    if (mismatch.isPresent()) {
      LOG.debug("token refused: introspection answer's {} (tenant {})", mismatch.get(),
          tenants.tenantId(response).orElse("-"));
      return refused(RpcError.INVALID_TOKEN);
    }
    Optional<Instant> exp = numericDate(response.path("exp"));
    if (exp.isPresent() && checks.isExpired(exp.get(), now)) {
      LOG.debug("token refused: introspection says active but exp {} has passed", exp.get());
      return refused(RpcError.TOKEN_EXPIRED);
    }
    // no readable exp: trusted for cacheTtl, then asked about again
    Instant expiry = exp.orElse(now.plus(config.cacheTtl()));
    Principal principal = tenants.principal(response, expiry);
    Duration untilExpiry = Duration.between(now, expiry.plus(checks.skew()));
    Duration ttl = untilExpiry.compareTo(config.cacheTtl()) < 0 ? untilExpiry : config.cacheTtl();
    return new Outcome(Optional.of(principal), RpcError.INVALID_TOKEN,
        ttl.isNegative() ? Duration.ZERO : ttl);
  }

  private Outcome refused(RpcError error) {
    return new Outcome(Optional.empty(), error, config.negativeTtl());
  }

  // RFC 7662 gives exp as a NumericDate; some servers send it as a numeric string
  private static Optional<Instant> numericDate(JsonNode node) {
    String text = node.isNumber() ? node.asText() : node.isTextual() ? node.textValue() : null;
    if (text == null) {
      return Optional.empty();
    }
    try {
      BigDecimal seconds = new BigDecimal(text.strip())
          .max(BigDecimal.ZERO).min(BigDecimal.valueOf(253_402_300_799L));
      return Optional.of(Instant.ofEpochSecond(seconds.longValue()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
