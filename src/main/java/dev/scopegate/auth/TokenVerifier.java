package dev.scopegate.auth;

import io.vertx.core.Future;

/**
 * Turns a bearer token into a tenant {@link Principal}, or fails with an {@code RpcException}:
 * {@code TOKEN_EXPIRED}, {@code INVALID_TOKEN} or {@code VERIFIER_UNAVAILABLE}.
 */
public interface TokenVerifier {

  Future<Principal> verify(String token);

  /** Stops background work (key refreshes); the verifier refuses nothing it accepted before. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
