package dev.scopegate.auth;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * Sends each token to the verifier it needs: a JWT to the signature check, anything else (an
 * opaque token) to introspection. With {@code preferIntrospection}, as in the GoQuorum security
 * plugin, JWTs are introspected too, so a token revoked at the provider stops at once.
 */
final class TokenRouter implements TokenVerifier {
  private final TokenVerifier jwt;
  private final Optional<TokenVerifier> introspection;
  private final boolean preferIntrospection;

  TokenRouter(TokenVerifier jwt, Optional<TokenVerifier> introspection, boolean preferIntrospection) {
    this.jwt = jwt;
    this.introspection = introspection;
    this.preferIntrospection = preferIntrospection;
  }

  @Override
  public Future<Principal> verify(String token) {
    if (introspection.isPresent() && (preferIntrospection || !looksLikeJwt(token))) {
      return introspection.get().verify(token);
    }
    return jwt.verify(token);
  }

  @Override
  public Future<Void> close() {
    return Future.join(jwt.close(),
        introspection.map(TokenVerifier::close).orElse(Future.succeededFuture())).mapEmpty();
  }

  /** Three dot-separated parts: the JWS compact form; the parts are checked by the verifier. */
  static boolean looksLikeJwt(String token) {
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    return second > 0 && token.indexOf('.', second + 1) < 0;
  }
}
