package dev.scopegate.auth;

import dev.scopegate.jsonrpc.RpcError;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verifier when no issuer key and no introspection endpoint is configured: every token is
 * refused.
 */
final class RefusingVerifier implements TokenVerifier {
  private static final Logger LOG = LoggerFactory.getLogger(RefusingVerifier.class);

  /** {@code clientIdWithoutEndpoint}: auth.introspection.clientId is set, no endpoint is known. */
  RefusingVerifier(boolean clientIdWithoutEndpoint) {
    String message = "no auth.jwt.publicKeyFile, auth.jwt.jwksUrl or auth.jwt.issuerUrl, and no"
        + " introspection (auth.introspection.clientId with auth.introspection.endpoint or"
        + " auth.jwt.issuerUrl): tokens are refused, only operators (IPC, API key, client"
        + " certificate) can connect";
    if (clientIdWithoutEndpoint) {
      // a deployment that meant to introspect: say so louder, it refuses every tenant
      LOG.warn("{}; auth.introspection.clientId is set but no endpoint is known", message);
    } else {
      LOG.info(message);
    }
  }

  @Override
  public Future<Principal> verify(String token) {
    return Future.failedFuture(RpcError.INVALID_TOKEN.exception());
  }
}
