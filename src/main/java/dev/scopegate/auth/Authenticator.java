package dev.scopegate.auth;

import dev.scopegate.async.Futures;
import dev.scopegate.config.Config;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Establishes who calls over HTTP or WebSocket. An {@code X-API-Key} header decides alone: the
 * right key makes an operator, a wrong one is refused whatever token accompanies it; with {@code
 * X-Tenant-ID} the right key acts as that registered tenant instead (Orchestrate's impersonation).
 * Otherwise an {@code Authorization: Bearer} token is verified into a tenant, completed by the
 * tenant registry when one is configured.
 */
public final class Authenticator {
  private static final String BEARER = "bearer";

  private final ApiKey apiKey;
  private final TokenVerifier verifier;
  private final Consumer<RpcError> onRefusal;
  private final TenantGrantsSource tenants;
  private final Optional<TenantRegistry> registry;

  public Authenticator(String apiKey, TokenVerifier verifier) {
    this(new ApiKey(apiKey), verifier, refused -> {}, Optional.empty());
  }

  private Authenticator(ApiKey apiKey, TokenVerifier verifier, Consumer<RpcError> onRefusal,
      Optional<TenantRegistry> registry) {
    this.apiKey = apiKey;
    this.verifier = verifier;
    this.onRefusal = onRefusal;
    this.registry = registry;
    this.tenants = new TenantGrantsSource(registry);
  }

  /** The same checks (sharing the verifier and its cache), telling {@code onRefusal} each refusal. */
  public Authenticator observed(Consumer<RpcError> onRefusal) {
    return new Authenticator(apiKey, verifier, onRefusal, registry);
  }

  /** The authenticator {@code auth} describes, without a tenant registry. */
  public static Authenticator create(Vertx vertx, Config.Auth auth) {
    return new Authenticator(auth.apiKey(), TokenVerifiers.create(vertx, auth));
  }

  /**
   * The authenticator {@code auth} describes, the tenant registry of {@code auth.tenants}
   * included; fails when that file cannot be read. See {@link TokenVerifiers#create}.
   */
  public static Future<Authenticator> start(Vertx vertx, Config.Auth auth) {
    Future<Optional<TenantRegistry>> registry = auth.tenants()
        .map(file -> TenantRegistry.start(vertx, file).map(Optional::of))
        .orElse(Future.succeededFuture(Optional.empty()));
    return registry.map(r -> new Authenticator(
        new ApiKey(auth.apiKey()), TokenVerifiers.create(vertx, auth), refused -> {}, r));
  }

  /**
   * Authenticates a request from its {@code Authorization} and {@code X-API-Key} header values.
   * Fails with an {@code RpcException}: {@code INVALID_API_KEY}, {@code MISSING_TOKEN}, {@code
   * INVALID_TOKEN}, {@code TOKEN_EXPIRED} or {@code VERIFIER_UNAVAILABLE}.
   */
  public Future<Principal> authenticate(
      Optional<String> authorization, Optional<String> apiKeyHeader) {
    return authenticate(authorization, apiKeyHeader, Optional.empty());
  }

  /**
   * As above, with the {@code X-Tenant-ID} header: with the right API key, the caller is that
   * registered tenant; fails {@code UNKNOWN_TENANT} for a tenant the registry does not name, and
   * {@code TENANT_HEADER_NOT_ALLOWED} when the header comes without an API key.
   */
  public Future<Principal> authenticate(
      Optional<String> authorization, Optional<String> apiKeyHeader, Optional<String> tenantHeader) {
    return authenticate(authorization, apiKeyHeader, tenantHeader, false);
  }

  /**
   * As above; {@code clientCertificate}: the TLS client presented a certificate that {@code
   * server.tls.clientCaFile} signs, which makes an operator (mTLS) unless an API key decides.
   */
  public Future<Principal> authenticate(Optional<String> authorization,
      Optional<String> apiKeyHeader, Optional<String> tenantHeader, boolean clientCertificate) {
    Future<Principal> checked = clientCertificate && apiKeyHeader.isEmpty() && tenantHeader.isEmpty()
        ? Future.succeededFuture(Principal.operator("mtls"))
        : check(authorization, apiKeyHeader, tenantHeader);
    return checked.onFailure(failure -> {
      if (failure instanceof RpcException refused) {
        onRefusal.accept(refused.error());
      }
    });
  }

  private Future<Principal> check(
      Optional<String> authorization, Optional<String> apiKeyHeader, Optional<String> tenantHeader) {
    if (apiKeyHeader.isPresent()) {
      if (!apiKey.matches(apiKeyHeader.get())) {
        return Future.failedFuture(RpcError.INVALID_API_KEY.exception());
      }
      if (tenantHeader.isEmpty()) {
        return Future.succeededFuture(Principal.operator("api-key"));
      }
      try {
        return Future.succeededFuture(tenants.impersonated(tenantHeader.get().strip()));
      } catch (RpcException e) {
        return Future.failedFuture(e);
      }
    }
    if (tenantHeader.isPresent()) {
      // a token holder naming a tenant would choose its own grants: only the API key may
      return Future.failedFuture(RpcError.TENANT_HEADER_NOT_ALLOWED.exception());
    }
    if (authorization.isEmpty()) {
      return Future.failedFuture(RpcError.MISSING_TOKEN.exception());
    }
    return bearerToken(authorization.get())
        .map(token -> Futures.map(verifier.verify(token), tenants::completed))
        .orElseGet(() -> Future.failedFuture(RpcError.INVALID_TOKEN.exception()));
  }

  public Future<Void> close() {
    registry.ifPresent(TenantRegistry::close);
    return verifier.close();
  }

  /** The token of {@code Bearer <token>} (scheme in any case); empty for anything else. */
  static Optional<String> bearerToken(String header) {
    String value = header.strip();
    int space = value.indexOf(' ');
    if (space != BEARER.length() || !value.regionMatches(true, 0, BEARER, 0, space)) {
      return Optional.empty();
    }
    String token = value.substring(space + 1).strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }
}
