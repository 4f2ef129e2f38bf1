package dev.scopegate.auth;

import dev.scopegate.jsonrpc.RpcError;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The verifier when no issuer key is configured: every token is refused. */
final class RefusingVerifier implements TokenVerifier {
  private static final Logger LOG = LoggerFactory.getLogger(RefusingVerifier.class);

  RefusingVerifier() {
    LOG.info(
        "no auth.jwt.publicKeyFile or auth.jwt.jwksUrl: tokens are refused, only operators"
            + " (IPC, API key) can connect");
  }

  @Override
  public Future<Principal> verify(String token) {
    return Future.failedFuture(RpcError.INVALID_TOKEN.exception());
  }
}
