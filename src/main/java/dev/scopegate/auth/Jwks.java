package dev.scopegate.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a JSON Web Key Set ({@code {"keys": [...]}}) into verification keys. Only RSA and EC
 * signature keys are kept; a key naming an {@code alg} verifies that algorithm only.
 */
final class Jwks {
  private static final Logger LOG = LoggerFactory.getLogger(Jwks.class);
  private static final Map<String, String> CURVES =
      Map.of("P-256", "secp256r1", "P-384", "secp384r1", "P-521", "secp521r1");

  private Jwks() {}

  static List<VerificationKey> parse(JsonNode set) {
    List<VerificationKey> keys = new ArrayList<>();
    for (JsonNode jwk : set.path("keys")) {
      Optional<VerificationKey> key = key(jwk);
      if (key.isPresent()) {
        keys.add(key.get());
      } else {
        LOG.info("JWKS: skipping key {} (not an RSA or EC signature key)", jwk.path("kid"));
      }
    }
    return keys;
  }

  private static Optional<VerificationKey> key(JsonNode jwk) {
    String use = jwk.path("use").asText("sig");
    if (!use.equals("sig")) {
      return Optional.empty();
    }
    Optional<String> kid = Optional.ofNullable(jwk.path("kid").textValue());
    Optional<VerificationKey> key;
    try {
      key = publicKey(jwk).flatMap(k -> VerificationKey.of(kid, k));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
    String alg = jwk.path("alg").textValue();
    if (alg == null) {
      return key;
    }
    return key.filter(k -> k.algorithms().contains(alg))
        .map(k -> new VerificationKey(kid, k.key(), List.of(alg)));
  }

  private static Optional<PublicKey> publicKey(JsonNode jwk) throws GeneralSecurityException {
    switch (jwk.path("kty").asText()) {
      case "RSA" -> {
        RSAPublicKeySpec spec = new RSAPublicKeySpec(number(jwk, "n"), number(jwk, "e"));
        return Optional.of(KeyFactory.getInstance("RSA").generatePublic(spec));
      }
      case "EC" -> {
        String curve = CURVES.get(jwk.path("crv").asText());
        if (curve == null) {
          return Optional.empty();
        }
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec(curve));
        ECPoint point = new ECPoint(number(jwk, "x"), number(jwk, "y"));
        ECPublicKeySpec spec =
            new ECPublicKeySpec(point, params.getParameterSpec(ECParameterSpec.class));
        return Optional.of(KeyFactory.getInstance("EC").generatePublic(spec));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private static BigInteger number(JsonNode jwk, String field) {
    String value = jwk.path(field).textValue();
    if (value == null) {
      throw new IllegalArgumentException("missing " + field);
    }
    return new BigInteger(1, Base64.getUrlDecoder().decode(value));
  }
}
