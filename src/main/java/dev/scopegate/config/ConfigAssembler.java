package dev.scopegate.config;

import static dev.scopegate.config.Keys.*;

/** Builds the {@link Config} records from settings; the one place that knows their shapes. */
final class ConfigAssembler {
  private ConfigAssembler() {}

  static Config assemble(Settings s) {
    return new Config(
        new Config.Upstream(s.get(UPSTREAM_HTTP), s.get(UPSTREAM_WS),
            s.get(UPSTREAM_PRIVACY_MANAGER), s.get(UPSTREAM_TIMEOUT)),
        server(s),
        new Config.Ipc(s.get(IPC_PATH), s.get(IPC_MODE), s.get(IPC_MAX_MESSAGE_BYTES)),
        new Config.Privacy(new Config.Index(s.get(PRIVACY_INDEX_PATH),
            s.get(PRIVACY_INDEX_FROM_BLOCK), s.get(PRIVACY_INDEX_MAX_WAIT),
            s.get(PRIVACY_INDEX_POLL_INTERVAL)), s.get(PRIVACY_EXTENDER_CODE_HASHES)),
        new Config.Auth(s.get(AUTH_API_KEY), jwt(s)),
        new Config.Metrics(s.get(METRICS_PORT)));
  }

  private static Config.Server server(Settings s) {
    return new Config.Server(
        s.get(SERVER_HOST),
        s.get(SERVER_PORT),
        s.get(SERVER_MAX_BODY_BYTES),
        s.get(SERVER_MAX_BATCH_SIZE),
        s.get(SERVER_FILTER_ID_SECRET),
        new Config.Cors(s.get(SERVER_CORS_ALLOWED_ORIGINS)),
        new Config.Ws(
            s.get(SERVER_WS_QUERY_TOKEN),
            s.get(SERVER_WS_ALLOWED_ORIGINS),
            s.get(SERVER_WS_MAX_MESSAGE_BYTES),
            s.get(SERVER_WS_MAX_CONNECTIONS),
            s.get(SERVER_WS_MAX_CONNECTIONS_PER_TENANT),
            s.get(SERVER_WS_IDLE_TIMEOUT)));
  }

  private static Config.Jwt jwt(Settings s) {
    return new Config.Jwt(
        s.get(AUTH_JWT_PUBLIC_KEY_FILE),
        s.get(AUTH_JWT_JWKS_URL),
        s.get(AUTH_JWT_ISSUERS),
        s.get(AUTH_JWT_AUDIENCES),
        s.get(AUTH_JWT_CLOCK_SKEW),
        s.get(AUTH_JWT_JWKS_MIN_REFETCH),
        s.get(AUTH_JWT_CLAIMS_NAMESPACE));
  }
}
