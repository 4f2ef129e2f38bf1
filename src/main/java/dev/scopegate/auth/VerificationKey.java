package dev.scopegate.auth;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** An issuer's public key, its key id if it has one, and the algorithms it may verify. */
record VerificationKey(Optional<String> kid, PublicKey key, List<String> algorithms) {
  private static final List<String> RSA =
      List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512");

  VerificationKey {
    algorithms = List.copyOf(algorithms);
  }

  /** A key with every algorithm its type allows (the curve decides for EC); empty if neither. */
  static Optional<VerificationKey> of(Optional<String> kid, PublicKey key) {
    return algorithmsFor(key).map(algs -> new VerificationKey(kid, key, algs));
  }

  static Optional<List<String>> algorithmsFor(PublicKey key) {
    if (key instanceof RSAPublicKey) {
      return Optional.of(RSA);
    }
    if (key instanceof ECPublicKey ec) {
      return switch (ec.getParams().getCurve().getField().getFieldSize()) {
        case 256 -> Optional.of(List.of("ES256"));
        case 384 -> Optional.of(List.of("ES384"));
        case 521 -> Optional.of(List.of("ES512"));
        default -> Optional.empty();
      };
    }
    return Optional.empty();
  }

  /** The key as a PEM {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo). */
  String pem() {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  /** Equal for equal key sets, so that a refetch of unchanged keys changes nothing. */
  String fingerprint() {
    return kid.orElse("")
        + "|"
        + algorithms
        + "|"
        + Base64.getEncoder().encodeToString(key.getEncoded());
  }
}
