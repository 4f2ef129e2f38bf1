package dev.scopegate.config;

import static dev.scopegate.config.Types.*;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one table of keys. Parsing, environment names, unknown-key detection and the Markdown
 * reference all read it, so a key added here is everywhere at once.
 */
final class Keys {
  // Filled by key()/required() as the constants below initialise, in declaration order.
  private static final List<Key<?>> TABLE = new ArrayList<>();

  static final Key<URI> UPSTREAM_HTTP = required("upstream.http", HTTP_URL,
      "The node's JSON-RPC endpoint over HTTP (http or https URL).");
  static final Key<Optional<URI>> UPSTREAM_WS = key("upstream.ws", new Optionally<>(WS_URL), "",
      "The node's JSON-RPC over WebSocket (ws or wss URL), for subscriptions.");
  static final Key<Optional<String>> UPSTREAM_PRIVACY_MANAGER = key("upstream.privacyManager",
      new Optionally<>(PRIVACY_MANAGER), "",
      "Tessera's Q2T API, an http(s) URL or `unix:/path/to/tm.ipc`;"
          + " asked who is party to a private transaction.");
  static final Key<Duration> UPSTREAM_TIMEOUT = key("upstream.timeout", Durations.TYPE, "30s",
      "How long one forward to the node may take before it fails (504).");
  static final Key<Optional<dev.scopegate.mode.NodeMode>> UPSTREAM_MODE = key("upstream.mode", NODE_MODE, "auto",
      "`auto`, `single`, `mps` or `public`: the node's kind; `auto` detects it at start, any other"
          + " value pins it and a node answering otherwise stops startup.");
  static final Key<Long> UPSTREAM_WS_MAX_CALL_BYTES = key("upstream.wsMaxCallBytes", atLeast(1024),
      "1048576", "Largest client call (or batch) put on the node WebSocket that all tenants share;"
          + " a larger one is refused, so no client can exceed the node's frame limit"
          + " (geth and GoQuorum: 15 MiB) and drop everyone's subscriptions.");
  static final Key<Long> UPSTREAM_MAX_RESPONSE_BYTES = key("upstream.maxResponseBytes", atLeast(1024),
      "67108864", "Largest answer read from the node over HTTP, in bytes; a larger one is cut off"
          + " unread and the call fails 502 `upstream node sent an invalid response`.");

  static final Key<String> SERVER_HOST = key("server.host", HOST, "127.0.0.1",
      "Address the HTTP and WebSocket listener binds to.");
  static final Key<Integer> SERVER_PORT = key("server.port", integer(0, 65535), "8545",
      "Port for HTTP POST and the WebSocket upgrade; 0 picks a free port.");
  static final Key<Long> SERVER_MAX_BODY_BYTES = key("server.maxBodyBytes", atLeast(1), "5242880",
      "Largest HTTP request body, in bytes; a larger one is answered 413.");
  static final Key<Integer> SERVER_MAX_BATCH_SIZE = key("server.maxBatchSize",
      integer(1, Integer.MAX_VALUE), "100",
      "Most calls in one JSON-RPC batch; a larger batch fails with `batch too large`.");
  static final Key<Integer> SERVER_MAX_CONNECTIONS = key("server.maxConnections",
      integer(1, Integer.MAX_VALUE), "20000",
      "Most connections open at once on the HTTP/WebSocket port, authenticated or not;"
          + " one more is answered 503 `too many connections` and closed.");
  static final Key<Long> SERVER_MAX_BODY_BYTES_IN_FLIGHT = key("server.maxBodyBytesInFlight",
      atLeast(1), "67108864",
      "Request body bytes all authenticated HTTP requests may hold at once while being read"
          + " and served; a request that would exceed it is answered 503 `server busy; retry`.");
  static final Key<Duration> SERVER_IDLE_TIMEOUT = key("server.idleTimeout", Durations.TYPE, "60s",
      "An HTTP connection that has not started its next request (headers complete) this long"
          + " after the last answer is closed.");
  static final Key<Duration> SERVER_REQUEST_TIMEOUT = key("server.requestTimeout", Durations.TYPE,
      "30s", "How long a client may take to send one request's body; slower is answered 408 and closed.");
  static final Key<String> SERVER_FILTER_ID_SECRET = key("server.filterIdSecret", STRING, "",
      "Secret that filter ids are derived with; give replicas the same one."
          + " Empty: generated per process.");
  static final Key<List<String>> SERVER_CORS_ALLOWED_ORIGINS = key("server.cors.allowedOrigins",
      new StringList(), "", "Origins of browser dApps allowed by CORS. Empty: no CORS headers.");
  static final Key<Boolean> SERVER_WS_QUERY_TOKEN = key("server.ws.queryToken", BOOL, "false",
      "Also accept the access token as a query parameter of the WebSocket upgrade"
          + " (browsers cannot set headers).");
  static final Key<List<String>> SERVER_WS_ALLOWED_ORIGINS = key("server.ws.allowedOrigins",
      new StringList(), "", "Origins accepted on the WebSocket upgrade (browser dApps).");
  static final Key<Long> SERVER_WS_MAX_MESSAGE_BYTES = key("server.ws.maxMessageBytes",
      atLeast(1), "5242880", "Largest WebSocket message, in bytes.");
  static final Key<Integer> SERVER_WS_MAX_CONNECTIONS = key("server.ws.maxConnections",
      integer(1, Integer.MAX_VALUE), "10000", "Most WebSocket connections open at once.");
  static final Key<Integer> SERVER_WS_MAX_CONNECTIONS_PER_TENANT = key(
      "server.ws.maxConnectionsPerTenant", integer(1, Integer.MAX_VALUE), "100",
      "Most WebSocket connections one tenant (or the operators) may hold open at once.");
  static final Key<Duration> SERVER_WS_IDLE_TIMEOUT = key("server.ws.idleTimeout", Durations.TYPE,
      "60s", "A WebSocket connection without traffic for this long is closed.");
  static final Key<Integer> SERVER_WS_MAX_SUBSCRIPTIONS_PER_CONNECTION = key(
      "server.ws.maxSubscriptionsPerConnection", integer(1, Integer.MAX_VALUE), "1000",
      "Most subscriptions one WebSocket or IPC connection may hold; one more is refused"
          + " `-32005 subscription limit exceeded`.");
  static final Key<Integer> SERVER_WS_MAX_SUBSCRIPTIONS_PER_TENANT = key(
      "server.ws.maxSubscriptionsPerTenant", integer(1, Integer.MAX_VALUE), "10000",
      "Most subscriptions one tenant may hold over all its connections; operators are not counted.");
  static final Key<Integer> SERVER_WS_MAX_LOGS_FILTER_TERMS = key(
      "server.ws.maxLogsFilterTerms", integer(1, Integer.MAX_VALUE), "1000",
      "Most addresses plus topic alternatives in one `logs` subscription filter.");

  static final Key<Optional<Path>> SERVER_TLS_CERT_FILE = key("server.tls.certFile",
      new Optionally<>(PATH), "", "PEM certificate chain of the client-facing server (HTTPS, WSS);"
          + " set with `keyFile`. Reloaded when the file changes. Empty: plain HTTP.");
  static final Key<Optional<Path>> SERVER_TLS_KEY_FILE = key("server.tls.keyFile",
      new Optionally<>(PATH), "", "PEM private key (PKCS#8 or PKCS#1) of `certFile`.");
  static final Key<Optional<Path>> SERVER_TLS_CLIENT_CA_FILE = key("server.tls.clientCaFile",
      new Optionally<>(PATH), "", "PEM CA certificates; a client presenting a certificate they"
          + " signed is an operator (mTLS). Certificates stay optional for everyone else.");

  static final Key<Optional<Path>> IPC_PATH = key("ipc.path", new Optionally<>(PATH), "",
      "Unix socket for operators, who are not restricted by any scope. Empty: no IPC endpoint.");
  static final Key<String> IPC_MODE = key("ipc.mode", FILE_MODE_TYPE, "0600",
      "Permissions of the IPC socket file, octal, quoted; whoever can connect is an operator.");
  static final Key<Long> IPC_MAX_MESSAGE_BYTES = key("ipc.maxMessageBytes", atLeast(1), "5242880",
      "Largest IPC message, in bytes.");

  static final Key<Path> PRIVACY_INDEX_PATH = key("privacy.index.path", PATH, "./data/index",
      "Directory of the privacy index (embedded RocksDB); derived data, rebuildable.");
  static final Key<Long> PRIVACY_INDEX_FROM_BLOCK = key("privacy.index.fromBlock", atLeast(0), "0",
      "First block the index follows; contracts created before it stay unknown"
          + " and are refused to tenants.");
  static final Key<Duration> PRIVACY_INDEX_MAX_WAIT = key("privacy.index.maxWait", Durations.TYPE,
      "2s", "How long a tenant's call waits for the index to catch up before a retriable error.");
  static final Key<Duration> PRIVACY_INDEX_POLL_INTERVAL = key("privacy.index.pollInterval",
      Durations.TYPE, "1s", "How often the index asks the node for a new head once it has caught up.");

  static final Key<List<String>> PRIVACY_EXTENDER_CODE_HASHES = key("privacy.extenderCodeHashes",
      new StringList(), String.join(",", dev.scopegate.privacy.ExtenderCode.GOQUORUM),
      "Keccak-256 hashes of the runtime code of GoQuorum's extension management contract"
          + " (`ContractExtender`); only a contract with such code can extend a contract to a"
          + " new party. Default: GoQuorum 20.10–21.4 and 21.7+. See docs/privacy-index.md.");

  static final Key<String> AUTH_API_KEY = key("auth.apiKey", STRING, "",
      "Machine-to-machine key (`X-API-Key`); its holder is an operator."
          + " Also `AUTH_API_KEY`. Empty: off.");
  static final Key<Optional<Path>> AUTH_JWT_PUBLIC_KEY_FILE = key("auth.jwt.publicKeyFile",
      new Optionally<>(PATH), "",
      "PEM public key that verifies access tokens; set this or `jwksUrl`, not both."
          + " Must be readable.");
  static final Key<Optional<URI>> AUTH_JWT_JWKS_URL = key("auth.jwt.jwksUrl",
      new Optionally<>(HTTP_URL), "",
      "The identity provider's JWKS URL (http or https);"
          + " set this or `publicKeyFile`, not both.");
  static final Key<List<String>> AUTH_JWT_ISSUERS = key("auth.jwt.issuers", new StringList(), "",
      "Accepted token issuers (`iss`). Empty: any issuer.");
  static final Key<List<String>> AUTH_JWT_AUDIENCES = key("auth.jwt.audiences", new StringList(),
      "", "Accepted token audiences (`aud`); a token must name one. Empty: any audience.");
  static final Key<Duration> AUTH_JWT_CLOCK_SKEW = key("auth.jwt.clockSkew", Durations.TYPE, "30s",
      "Clock difference tolerated when checking a token's times (`exp`, `nbf`, `iat`).");
  static final Key<Duration> AUTH_JWT_JWKS_MIN_REFETCH = key("auth.jwt.jwksMinRefetch",
      Durations.TYPE, "60s", "Least time between two fetches of the JWKS.");
  static final Key<String> AUTH_JWT_CLAIMS_NAMESPACE = key("auth.jwt.claimsNamespace", STRING, "",
      "When set, the tenant id is read from claim `<namespace>` → `{\"tenant_id\": …}`,"
          + " as Codefi Orchestrate does.");

  static final Key<Optional<URI>> AUTH_JWT_ISSUER_URL = key("auth.jwt.issuerUrl",
      new Optionally<>(HTTP_URL), "", "OpenID-Connect issuer; its `/.well-known/openid-configuration`"
          + " names the JWKS (and the introspection endpoint). Instead of `jwksUrl`;"
          + " with no `issuers`, tokens must come from this issuer. Also `AUTH_JWT_ISSUER_URL`.");
  static final Key<String> AUTH_JWT_SCOPE_CLAIM = key("auth.jwt.scopeClaim", STRING, "scope",
      "Claim holding the token's scopes (a space-separated string or an array);"
          + " `scp` is accepted as well.");
  static final Key<Boolean> AUTH_JWT_PREFER_INTROSPECTION = key("auth.jwt.preferIntrospection",
      BOOL, "false", "Check JWTs too by introspection (when an introspection endpoint is known),"
          + " as the GoQuorum security plugin's `preferIntrospection`.");
  static final Key<Optional<URI>> AUTH_INTROSPECTION_ENDPOINT = key("auth.introspection.endpoint",
      new Optionally<>(HTTP_URL), "", "RFC 7662 token introspection endpoint, for opaque tokens."
          + " Empty: the issuer's discovered `introspection_endpoint` when `clientId` is set.");
  static final Key<String> AUTH_INTROSPECTION_CLIENT_ID = key("auth.introspection.clientId",
      STRING, "", "Client id Scopegate authenticates to the introspection endpoint with.");
  static final Key<String> AUTH_INTROSPECTION_CLIENT_SECRET = key(
      "auth.introspection.clientSecret", STRING, "", "Its client secret; never logged.");
  static final Key<String> AUTH_INTROSPECTION_CLIENT_AUTH = key("auth.introspection.clientAuth",
      CLIENT_AUTH, "client_secret_basic", "How the client authenticates:"
          + " `client_secret_basic` (HTTP Basic) or `client_secret_post` (form fields).");
  static final Key<Long> AUTH_INTROSPECTION_CACHE_SIZE = key("auth.introspection.cacheSize",
      atLeast(1), "10000", "Most introspection results remembered (by token hash).");
  static final Key<Duration> AUTH_INTROSPECTION_CACHE_TTL = key("auth.introspection.cacheTtl",
      Durations.TYPE, "5m", "Longest an active result is remembered (never past the token's `exp`);"
          + " also the lifetime given to a token whose introspection names no `exp`.");
  static final Key<Duration> AUTH_INTROSPECTION_NEGATIVE_TTL = key(
      "auth.introspection.negativeTtl", Durations.TYPE, "5s",
      "How long an inactive result is remembered.");
  static final Key<Optional<Path>> AUTH_TENANTS = key("auth.tenants", new Optionally<>(PATH), "",
      "YAML file mapping tenant ids to their grants (scopes), reloaded when it changes;"
          + " for tokens with a tenant id and no private grants, and for `X-Tenant-ID`.");

  static final Key<Long> LIMITS_TENANT_REQUESTS_PER_SECOND = key("limits.tenant.requestsPerSecond",
      atLeast(0), "0", "Calls per second each tenant (tenant id, else `sub`) may make, refilled"
          + " continuously (token bucket); 0: off. See docs/limits.md.");
  static final Key<Long> LIMITS_TENANT_BURST = key("limits.tenant.burst", atLeast(0), "0",
      "Calls a tenant may make at once above its rate (the bucket's size); 0: as many as"
          + " `requestsPerSecond`.");
  static final Key<Long> LIMITS_TENANT_CONCURRENT = key("limits.tenant.concurrent", atLeast(0), "0",
      "Calls of one tenant in flight at once, counted per replica; 0: off.");
  static final Key<Long> LIMITS_TENANT_COST_PER_SECOND = key("limits.tenant.costPerSecond",
      atLeast(0), "0", "Cost a tenant may spend per second; each method has a cost (1 unless"
          + " docs/limits.md lists it higher; `eth_getLogs` also by its block range); 0: off.");
  static final Key<Long> LIMITS_OPERATOR_REQUESTS_PER_SECOND = key(
      "limits.operator.requestsPerSecond", atLeast(0), "0",
      "As `limits.tenant.requestsPerSecond`, for operators (API key, IPC, mTLS), each way"
          + " of calling one bucket; 0: off (operators are unlimited unless configured).");
  static final Key<Long> LIMITS_OPERATOR_BURST = key("limits.operator.burst", atLeast(0), "0",
      "As `limits.tenant.burst`, for operators.");
  static final Key<Long> LIMITS_OPERATOR_CONCURRENT = key("limits.operator.concurrent",
      atLeast(0), "0", "As `limits.tenant.concurrent`, for operators; 0: off.");
  static final Key<Long> LIMITS_OPERATOR_COST_PER_SECOND = key("limits.operator.costPerSecond",
      atLeast(0), "0", "As `limits.tenant.costPerSecond`, for operators; 0: off.");
  static final Key<Long> LIMITS_MAX_LOGS_BLOCK_RANGE = key("limits.maxLogsBlockRange", atLeast(0),
      "0", "Most blocks one tenant's `eth_getLogs` or `eth_newFilter` may span (`latest` and"
          + " `pending` resolved at the node's head); 0: off.");
  static final Key<Duration> LIMITS_MAX_TRACE_TIMEOUT = key("limits.maxTraceTimeout",
      Durations.CAP_OR_ZERO, "0", "Longest tracer `timeout` a tenant's `debug_trace*` call may ask"
          + " (e.g. `5s`); a longer one is refused (`-32005`), and a call asking none is sent with this"
          + " cap when it is below GoQuorum's default of 5s; 0: off. See docs/limits.md.");
  static final Key<Duration> LIMITS_OPERATOR_MAX_TRACE_TIMEOUT = key("limits.operator.maxTraceTimeout",
      Durations.CAP_OR_ZERO, "0", "As `limits.maxTraceTimeout`, for operators; 0: off (operators are"
          + " unlimited unless configured).");
  static final Key<Optional<URI>> LIMITS_REDIS_URL = key("limits.redis.url",
      new Optionally<>(REDIS_URL), "", "Redis (`redis://` or `rediss://` URL) holding the"
          + " buckets that all replicas share; empty: each replica limits on its own, in memory.");
  static final Key<String> LIMITS_REDIS_ON_FAILURE = key("limits.redis.onFailure",
      new Scalar<>("local or refuse", s -> s.strip().equals("local") || s.strip().equals("refuse")
          ? s.strip() : null), "local",
      "When Redis cannot be reached: `local` limits per replica meanwhile, `refuse` refuses the"
          + " calls that limits apply to (`-32005`).");

  static final Key<Integer> METRICS_PORT = key("metrics.port", integer(0, 65535), "8082",
      "Port of the Prometheus metrics (`GET /metrics`), on `server.host`, unauthenticated; 0 picks a free port.");
  static final Key<Long> METRICS_READY_MAX_INDEX_LAG = key("metrics.readyMaxIndexLag", atLeast(0), "5",
      "`GET /ready` on the metrics port answers 503 while the privacy index is more blocks than"
          + " this behind the node's head.");

  static final Key<Duration> SERVER_SHUTDOWN_TIMEOUT = key("server.shutdownTimeout",
      Durations.TYPE, "20s",
      "On SIGTERM: how long calls in flight may take to finish after the listeners stop accepting.");

  static final Key<String> LOG_FORMAT = key("log.format",
      new Scalar<>("text or json", s -> s.strip().equals("text") || s.strip().equals("json") ? s.strip() : null),
      "text", "`text`, or `json`: one JSON object per log line (logback's JsonEncoder).");
  static final Key<Boolean> LOG_ACCESS = key("log.access", BOOL, "false",
      "One line per call on logger `scopegate.access` (transport, tenant, method, outcome,"
          + " latencies). Refusals are logged on `scopegate.audit` always.");

  static final Key<Optional<URI>> TRACING_OTLP_ENDPOINT = key("tracing.otlpEndpoint",
      new Optionally<>(HTTP_URL), "",
      "OTLP/HTTP endpoint spans are exported to (e.g. `http://collector:4318/v1/traces`)."
          + " Empty: no tracing, no span, no `traceparent` sent to the node.");
  static final Key<String> TRACING_SERVICE_NAME = key("tracing.serviceName",
      new Scalar<>("a service name", s -> s.isBlank() ? null : s.strip()), "scopegate",
      "`service.name` of the exported spans.");
  static final Key<Double> TRACING_SAMPLE_RATIO = key("tracing.sampleRatio",
      new Scalar<>("a number from 0 to 1", Keys::ratio), "1",
      "Share of new traces sampled; a call that brings a `traceparent` follows its caller's decision.");

  static final List<Key<?>> ALL = List.copyOf(TABLE);
  private static final Map<String, Key<?>> BY_PATH = index(Key::path);
  private static final Map<String, Key<?>> BY_ENV = index(Key::envName);

  private Keys() {}

  static Optional<Key<?>> byPath(String path) {
    return Optional.ofNullable(BY_PATH.get(path));
  }

  static Optional<Key<?>> byEnv(String name) {
    return Optional.ofNullable(BY_ENV.get(name));
  }

  /** True for {@code server} or {@code server.ws}: a mapping that holds keys. */
  static boolean isSection(String path) {
    return ALL.stream().anyMatch(k -> k.path().startsWith(path + "."));
  }

  private static <T> Key<T> key(String path, ValueType<T> type, String def, String meaning) {
    Key<T> key = new Key<>(path, type, Optional.of(def), meaning);
    TABLE.add(key);
    return key;
  }

  private static <T> Key<T> required(String path, ValueType<T> type, String meaning) {
    Key<T> key = new Key<>(path, type, Optional.empty(), meaning);
    TABLE.add(key);
    return key;
  }

  private static Double ratio(String text) {
    try {
      double value = Double.parseDouble(text.strip());
      return value >= 0 && value <= 1 ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  // toMap throws on a duplicate, so two keys can never share a path or an environment name.
  private static Map<String, Key<?>> index(Function<Key<?>, String> name) {
    return ALL.stream().collect(Collectors.toUnmodifiableMap(name, k -> k));
  }
}
