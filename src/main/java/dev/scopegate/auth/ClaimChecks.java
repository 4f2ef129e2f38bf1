package dev.scopegate.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.RpcError;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time, issuer and audience checks of a token whose signature holds. {@code exp} is required;
 * times are compared with the configured clock skew either way.
 */
final class ClaimChecks {
  private static final Logger LOG = LoggerFactory.getLogger(ClaimChecks.class);
  // NumericDates beyond this (year 9999) are clamped so that arithmetic cannot overflow
  private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(253_402_300_799L);

  private final List<String> issuers;
  private final List<String> audiences;
  private final Duration skew;

  ClaimChecks(List<String> issuers, List<String> audiences, Duration skew) {
    this.issuers = List.copyOf(issuers);
    this.audiences = List.copyOf(audiences);
    this.skew = skew;
  }

  /** Checks {@code claims} at {@code now}; returns the token's expiry. */
  Instant check(JsonNode claims, Instant now) {
    Instant exp =
        numericDate(claims.path("exp"))
            .orElseThrow(() -> JwtToken.refused("exp missing or not a number"));
    if (isExpired(exp, now)) {
      LOG.debug("token refused: expired at {} (skew {})", exp, skew);
      throw RpcError.TOKEN_EXPIRED.exception();
    }
    JsonNode nbf = claims.path("nbf");
    if (!nbf.isMissingNode()) {
      Instant notBefore = numericDate(nbf).orElseThrow(() -> JwtToken.refused("nbf not a number"));
      if (notBefore.minus(skew).isAfter(now)) {
        throw JwtToken.refused("not valid before " + notBefore);
      }
    }
    JsonNode iat = claims.path("iat");
    if (!iat.isMissingNode()) {
      // RFC 7519 leaves iat advisory; a token issued in the future is a forged or mis-clocked
      // issuer either way, so it is refused like a future nbf (the reference says the skew applies)
      Instant issued = numericDate(iat).orElseThrow(() -> JwtToken.refused("iat not a number"));
      if (issued.minus(skew).isAfter(now)) {
        throw JwtToken.refused("issued in the future at " + issued);
      }
    }
    String iss = claims.path("iss").textValue();
    if (!issuers.isEmpty() && (iss == null || !issuers.contains(iss))) {
      throw JwtToken.refused("iss is not one of the configured issuers");
    }
    if (!audiences.isEmpty() && audience(claims.path("aud")).noneMatch(audiences::contains)) {
      throw JwtToken.refused("aud names none of the configured audiences");
    }
    return exp;
  }

  /**
   * The reason an introspection answer's {@code iss} or {@code aud} disqualifies it, if one does.
   * RFC 7662 §2.2 makes both optional, so only a claim the answer carries is checked; one it
   * carries is held to the same lists as a JWT's (a {@code null} or non-string value included).
   */
  Optional<String> presentIssuerOrAudienceMismatch(JsonNode answer) {
    JsonNode iss = answer.path("iss");
    if (!issuers.isEmpty() && !iss.isMissingNode()
        && (!iss.isTextual() || !issuers.contains(iss.textValue()))) {
      return Optional.of("iss is not one of the configured issuers");
    }
    JsonNode aud = answer.path("aud");
    if (!audiences.isEmpty() && !aud.isMissingNode()
        && audience(aud).noneMatch(audiences::contains)) {
      return Optional.of("aud names none of the configured audiences");
    }
    return Optional.empty();
  }

  /** Whether a token expiring at {@code exp} is past its expiry, skew included, at {@code now}. */
  boolean isExpired(Instant exp, Instant now) {
    return exp.plus(skew).isBefore(now);
  }

  Duration skew() {
    return skew;
  }

  private static Stream<String> audience(JsonNode aud) {
    if (aud.isTextual()) {
      return Stream.of(aud.textValue());
    }
    if (!aud.isArray()) {
      return Stream.empty();
    }
    return StreamSupport.stream(aud.spliterator(), false)
        .filter(JsonNode::isTextual)
        .map(JsonNode::textValue);
  }

  private static Optional<Instant> numericDate(JsonNode node) {
    if (!node.isNumber()) {
      return Optional.empty();
    }
    BigDecimal seconds = node.decimalValue().max(BigDecimal.ZERO).min(MAX_SECONDS);
    return Optional.of(Instant.ofEpochSecond(seconds.longValue()));
  }
}
