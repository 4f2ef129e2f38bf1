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

  static final Key<String> SERVER_HOST = key("server.host", HOST, "127.0.0.1",
      "Address the HTTP and WebSocket listener binds to.");
  static final Key<Integer> SERVER_PORT = key("server.port", integer(0, 65535), "8545",
      "Port for HTTP POST and the WebSocket upgrade; 0 picks a free port.");
  static final Key<Long> SERVER_MAX_BODY_BYTES = key("server.maxBodyBytes", atLeast(1), "5242880",
      "Largest HTTP request body, in bytes; a larger one is answered 413.");
  static final Key<Integer> SERVER_MAX_BATCH_SIZE = key("server.maxBatchSize",
      integer(1, Integer.MAX_VALUE), "100",
      "Most calls in one JSON-RPC batch; a larger batch fails with `batch too large`.");
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

  static final Key<Integer> METRICS_PORT = key("metrics.port", integer(0, 65535), "8082",
      "Port of the Prometheus metrics (`GET /metrics`), on `server.host`, unauthenticated; 0 picks a free port.");

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

  // toMap throws on a duplicate, so two keys can never share a path or an environment name.
  private static Map<String, Key<?>> index(Function<Key<?>, String> name) {
    return ALL.stream().collect(Collectors.toUnmodifiableMap(name, k -> k));
  }
}
