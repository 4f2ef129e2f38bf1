package dev.scopegate.auth;

import io.vertx.core.Future;
import java.util.List;

/** Fetches the issuer's current keys: from a JWKS URL, or from the one discovery names. */
interface KeySetFetcher {

  /** The usable keys; fails on a transport error, a non-200 or a set without keys. */
  Future<List<VerificationKey>> fetch();

  /** Where the keys come from, for logs. */
  String describe();

  void close();
}
