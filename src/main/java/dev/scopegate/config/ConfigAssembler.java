package dev.scopegate.config;

import static dev.scopegate.config.Keys.*;

/** Builds the {@link Config} records from settings; the one place that knows their shapes. */
final class ConfigAssembler {
  private ConfigAssembler() {}

  static Config assemble(Settings s) {
    return new Config(
        new Config.Upstream(s.get(UPSTREAM_HTTP), s.get(UPSTREAM_WS),
            s.get(UPSTREAM_PRIVACY_MANAGER), s.get(UPSTREAM_TIMEOUT), s.get(UPSTREAM_MODE),
            s.get(UPSTREAM_WS_MAX_CALL_BYTES), s.get(UPSTREAM_MAX_RESPONSE_BYTES)),
        server(s),
        new Config.Ipc(s.get(IPC_PATH), s.get(IPC_MODE), s.get(IPC_MAX_MESSAGE_BYTES)),
        new Config.Privacy(new Config.Index(s.get(PRIVACY_INDEX_PATH),
            s.get(PRIVACY_INDEX_FROM_BLOCK), s.get(PRIVACY_INDEX_MAX_WAIT),
            s.get(PRIVACY_INDEX_POLL_INTERVAL)), s.get(PRIVACY_EXTENDER_CODE_HASHES)),
        new Config.Auth(s.get(AUTH_API_KEY), jwt(s), introspection(s), s.get(AUTH_TENANTS)),
        new Config.Metrics(s.get(METRICS_PORT), s.get(METRICS_READY_MAX_INDEX_LAG)),
        new Config.Log(s.get(LOG_FORMAT), s.get(LOG_ACCESS)),
        new Config.Lifecycle(s.get(SERVER_SHUTDOWN_TIMEOUT)),
        new Config.Tracing(s.get(TRACING_OTLP_ENDPOINT), s.get(TRACING_SERVICE_NAME),
            s.get(TRACING_SAMPLE_RATIO)),
        limits(s));
  }

  private static Config.Limits limits(Settings s) {
    return new Config.Limits(
        new dev.scopegate.limits.LimitSet(s.get(LIMITS_TENANT_REQUESTS_PER_SECOND),
            s.get(LIMITS_TENANT_BURST), s.get(LIMITS_TENANT_CONCURRENT), s.get(LIMITS_TENANT_COST_PER_SECOND)),
        new dev.scopegate.limits.LimitSet(s.get(LIMITS_OPERATOR_REQUESTS_PER_SECOND),
            s.get(LIMITS_OPERATOR_BURST), s.get(LIMITS_OPERATOR_CONCURRENT),
            s.get(LIMITS_OPERATOR_COST_PER_SECOND)),
        s.get(LIMITS_MAX_LOGS_BLOCK_RANGE),
        s.get(LIMITS_REDIS_URL),
        s.get(LIMITS_REDIS_ON_FAILURE),
        s.get(LIMITS_MAX_TRACE_TIMEOUT),
        s.get(LIMITS_OPERATOR_MAX_TRACE_TIMEOUT));
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
            s.get(SERVER_WS_IDLE_TIMEOUT),
            new Config.Subscriptions(
                s.get(SERVER_WS_MAX_SUBSCRIPTIONS_PER_CONNECTION),
                s.get(SERVER_WS_MAX_SUBSCRIPTIONS_PER_TENANT),
                s.get(SERVER_WS_MAX_LOGS_FILTER_TERMS))),
        new Config.Tls(s.get(SERVER_TLS_CERT_FILE), s.get(SERVER_TLS_KEY_FILE),
            s.get(SERVER_TLS_CLIENT_CA_FILE)),
        new Config.Connections(
            s.get(SERVER_MAX_CONNECTIONS),
            s.get(SERVER_MAX_BODY_BYTES_IN_FLIGHT),
            s.get(SERVER_IDLE_TIMEOUT),
            s.get(SERVER_REQUEST_TIMEOUT)));
  }

  private static Config.Introspection introspection(Settings s) {
    return new Config.Introspection(
        s.get(AUTH_INTROSPECTION_ENDPOINT),
        s.get(AUTH_INTROSPECTION_CLIENT_ID),
        s.get(AUTH_INTROSPECTION_CLIENT_SECRET),
        s.get(AUTH_INTROSPECTION_CLIENT_AUTH),
        s.get(AUTH_INTROSPECTION_CACHE_SIZE),
        s.get(AUTH_INTROSPECTION_CACHE_TTL),
        s.get(AUTH_INTROSPECTION_NEGATIVE_TTL));
  }

  private static Config.Jwt jwt(Settings s) {
    return new Config.Jwt(
        s.get(AUTH_JWT_PUBLIC_KEY_FILE),
        s.get(AUTH_JWT_JWKS_URL),
        s.get(AUTH_JWT_ISSUERS),
        s.get(AUTH_JWT_AUDIENCES),
        s.get(AUTH_JWT_CLOCK_SKEW),
        s.get(AUTH_JWT_JWKS_MIN_REFETCH),
        s.get(AUTH_JWT_CLAIMS_NAMESPACE),
        s.get(AUTH_JWT_ISSUER_URL),
        s.get(AUTH_JWT_SCOPE_CLAIM),
        s.get(AUTH_JWT_PREFER_INTROSPECTION));
  }
}
