package dev.scopegate.auth;

import dev.scopegate.config.Config;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Establishes who calls over HTTP or WebSocket. An {@code X-API-Key} header decides alone: the
 * right key makes an operator, a wrong one is refused whatever token accompanies it. Otherwise an
 * {@code Authorization: Bearer} token is verified into a tenant.
 */
public final class Authenticator {
  private static final String BEARER = "bearer";

  private final ApiKey apiKey;
  private final TokenVerifier verifier;
  private final Consumer<RpcError> onRefusal;

  public Authenticator(String apiKey, TokenVerifier verifier) {
    this(new ApiKey(apiKey), verifier, refused -> {});
  }

  private Authenticator(ApiKey apiKey, TokenVerifier verifier, Consumer<RpcError> onRefusal) {
    this.apiKey = apiKey;
    this.verifier = verifier;
    this.onRefusal = onRefusal;
  }

  /** The same checks (sharing the verifier and its cache), telling {@code onRefusal} each refusal. */
  public Authenticator observed(Consumer<RpcError> onRefusal) {
    return new Authenticator(apiKey, verifier, onRefusal);
  }

  /** The authenticator {@code auth} describes; see {@link TokenVerifiers#create}. */
  public static Authenticator create(Vertx vertx, Config.Auth auth) {
    return new Authenticator(auth.apiKey(), TokenVerifiers.create(vertx, auth));
  }

  /**
   * Authenticates a request from its {@code Authorization} and {@code X-API-Key} header values.
   * Fails with an {@code RpcException}: {@code INVALID_API_KEY}, {@code MISSING_TOKEN}, {@code
   * INVALID_TOKEN}, {@code TOKEN_EXPIRED} or {@code VERIFIER_UNAVAILABLE}.
   */
  public Future<Principal> authenticate(
      Optional<String> authorization, Optional<String> apiKeyHeader) {
    return check(authorization, apiKeyHeader).onFailure(failure -> {
      if (failure instanceof RpcException refused) {
        onRefusal.accept(refused.error());
      }
    });
  }

  private Future<Principal> check(Optional<String> authorization, Optional<String> apiKeyHeader) {
    if (apiKeyHeader.isPresent()) {
      return apiKey.matches(apiKeyHeader.get())
          ? Future.succeededFuture(Principal.operator("api-key"))
          : Future.failedFuture(RpcError.INVALID_API_KEY.exception());
    }
    if (authorization.isEmpty()) {
      return Future.failedFuture(RpcError.MISSING_TOKEN.exception());
    }
    return bearerToken(authorization.get())
        .map(verifier::verify)
        .orElseGet(() -> Future.failedFuture(RpcError.INVALID_TOKEN.exception()));
  }

  public Future<Void> close() {
    return verifier.close();
  }

  /** The token of {@code Bearer <token>} (scheme in any case); empty for anything else. */
  static Optional<String> bearerToken(String header) {
    String value = header.strip();
    int space = value.indexOf(' ');
    if (space < 0 || !value.substring(0, space).equalsIgnoreCase(BEARER)) {
      return Optional.empty();
    }
    String token = value.substring(space + 1).strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }
}
