package dev.scopegate.auth;

import io.vertx.core.Future;
import java.util.Optional;

/** Where a verifier gets the issuer's keys: fixed (a PEM file) or fetched (a JWKS URL). */
interface KeySource {

  /**
   * The keys to check a token whose header names {@code kid}. Fails {@code VERIFIER_UNAVAILABLE}
   * while no keys could be loaded.
   */
  Future<KeyRing> keysFor(Optional<String> kid);

  /**
   * After a signature failed with {@code used}: a newer key set, if one may be fetched now and
   * differs (an issuer that rotated its key under the same key id); empty otherwise.
   */
  default Future<Optional<KeyRing>> newerThan(KeyRing used) {
    return Future.succeededFuture(Optional.empty());
  }

  default Future<Void> close() {
    return Future.succeededFuture();
  }

  static KeySource fixed(KeyRing ring) {
    Future<KeyRing> keys = Future.succeededFuture(ring);
    return kid -> keys;
  }
}
