package dev.scopegate.auth;

import io.vertx.core.Vertx;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The issuer keys in force: a vert.x {@link JWTAuth} that checks signatures only (times and
 * audiences are {@link ClaimChecks}'s), and the key ids it knows.
 */
record KeyRing(JWTAuth auth, Set<String> kids, List<String> fingerprints) {

  KeyRing {
    kids = Set.copyOf(kids);
    fingerprints = List.copyOf(fingerprints);
  }

  /** Builds a ring of at least one key: without keys, vert.x would accept unsigned tokens. */
  static KeyRing of(Vertx vertx, List<VerificationKey> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no usable issuer key");
    }
    JWTAuthOptions options =
        new JWTAuthOptions().setJWTOptions(new JWTOptions().setIgnoreExpiration(true));
    for (VerificationKey key : keys) {
      for (String alg : key.algorithms()) {
        PubSecKeyOptions pem = new PubSecKeyOptions().setAlgorithm(alg).setBuffer(key.pem());
        key.kid().ifPresent(pem::setId);
        options.addPubSecKey(pem);
      }
    }
    Set<String> kids =
        keys.stream()
            .map(VerificationKey::kid)
            .flatMap(Optional::stream)
            .collect(Collectors.toSet());
    List<String> prints = keys.stream().map(VerificationKey::fingerprint).sorted().toList();
    return new KeyRing(JWTAuth.create(vertx, options), kids, prints);
  }

  boolean knows(String kid) {
    return kids.contains(kid);
  }

  /** Whether {@code keys} are the keys of this ring. */
  boolean holds(List<VerificationKey> keys) {
    return fingerprints.equals(keys.stream().map(VerificationKey::fingerprint).sorted().toList());
  }
}
