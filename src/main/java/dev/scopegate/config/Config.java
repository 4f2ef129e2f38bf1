package dev.scopegate.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The whole configuration, validated; built by {@link ConfigLoader}. Keys as in DESIGN.md. */
public record Config(
    Upstream upstream, Server server, Ipc ipc, Privacy privacy, Auth auth, Metrics metrics,
    Log log, Lifecycle lifecycle, Tracing tracing, Limits limits) {

  /** Without limits: off. */
  public Config(Upstream upstream, Server server, Ipc ipc, Privacy privacy, Auth auth, Metrics metrics,
      Log log, Lifecycle lifecycle, Tracing tracing) {
    this(upstream, server, ipc, privacy, auth, metrics, log, lifecycle, tracing, Limits.OFF);
  }

  /** The same with other limits (tests). */
  public Config withLimits(Limits other) {
    return new Config(upstream, server, ipc, privacy, auth, metrics, log, lifecycle, tracing, other);
  }

  /** Without tracing: off. */
  public Config(Upstream upstream, Server server, Ipc ipc, Privacy privacy, Auth auth, Metrics metrics,
      Log log, Lifecycle lifecycle) {
    this(upstream, server, ipc, privacy, auth, metrics, log, lifecycle, Tracing.OFF);
  }

  /** Without the operational settings: their defaults (tests build configs this way). */
  public Config(Upstream upstream, Server server, Ipc ipc, Privacy privacy, Auth auth, Metrics metrics) {
    this(upstream, server, ipc, privacy, auth, metrics, Log.DEFAULT, Lifecycle.DEFAULT);
  }

  /** {@code upstream.*}: the node and its privacy manager. */
  public record Upstream(
      URI http, Optional<URI> ws, Optional<String> privacyManager, Duration timeout,
      Optional<dev.scopegate.mode.NodeMode> mode, long wsMaxCallBytes, long maxResponseBytes) {
    /** Default for {@code upstream.wsMaxCallBytes}: 1 MiB, far below geth's 15 MiB frame limit. */
    public static final long DEFAULT_WS_MAX_CALL_BYTES = 1L << 20;
    /** Default for {@code upstream.maxResponseBytes}: 64 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L << 20;

    /** With the default {@code upstream.maxResponseBytes}. */
    public Upstream(URI http, Optional<URI> ws, Optional<String> privacyManager, Duration timeout,
        Optional<dev.scopegate.mode.NodeMode> mode, long wsMaxCallBytes) {
      this(http, ws, privacyManager, timeout, mode, wsMaxCallBytes, DEFAULT_MAX_RESPONSE_BYTES);
    }

    /** {@code upstream.mode: auto}. */
    public Upstream(URI http, Optional<URI> ws, Optional<String> privacyManager, Duration timeout) {
      this(http, ws, privacyManager, timeout, Optional.empty(), DEFAULT_WS_MAX_CALL_BYTES);
    }

    public Upstream(URI http, Optional<URI> ws, Optional<String> privacyManager, Duration timeout,
        Optional<dev.scopegate.mode.NodeMode> mode) {
      this(http, ws, privacyManager, timeout, mode, DEFAULT_WS_MAX_CALL_BYTES);
    }

    public Upstream(URI http, Optional<URI> ws, Optional<String> privacyManager, Duration timeout,
        long wsMaxCallBytes) {
      this(http, ws, privacyManager, timeout, Optional.empty(), wsMaxCallBytes);
    }
  }

  /** {@code server.*}: the HTTP and WebSocket listener. */
  public record Server(
      String host,
      int port,
      long maxBodyBytes,
      int maxBatchSize,
      String filterIdSecret,
      Cors cors,
      Ws ws,
      Tls tls,
      Connections connections) {

    public Server(String host, int port, long maxBodyBytes, int maxBatchSize,
        String filterIdSecret, Cors cors, Ws ws) {
      this(host, port, maxBodyBytes, maxBatchSize, filterIdSecret, cors, ws, Tls.OFF, Connections.DEFAULTS);
    }

    public Server(String host, int port, long maxBodyBytes, int maxBatchSize,
        String filterIdSecret, Cors cors, Ws ws, Tls tls) {
      this(host, port, maxBodyBytes, maxBatchSize, filterIdSecret, cors, ws, tls, Connections.DEFAULTS);
    }

    public Server(String host, int port, long maxBodyBytes, int maxBatchSize,
        String filterIdSecret, Cors cors, Ws ws, Connections connections) {
      this(host, port, maxBodyBytes, maxBatchSize, filterIdSecret, cors, ws, Tls.OFF, connections);
    }

    public Server withConnections(Connections c) {
      return new Server(host, port, maxBodyBytes, maxBatchSize, filterIdSecret, cors, ws, tls, c);
    }
  }

  /** {@code server.tls.*}; no certificate means plain HTTP and WS. */
  public record Tls(Optional<Path> certFile, Optional<Path> keyFile, Optional<Path> clientCaFile) {
    public static final Tls OFF = new Tls(Optional.empty(), Optional.empty(), Optional.empty());

    public boolean enabled() {
      return certFile.isPresent();
    }
  }

  /**
   * {@code server.*} bounds of the listener as a whole, before anyone is authenticated: open
   * connections, request bodies being read at once, and how long a connection may sit idle or
   * take to send one request.
   */
  public record Connections(
      int maxConnections, long maxBodyBytesInFlight, Duration idleTimeout, Duration requestTimeout) {
    public static final Connections DEFAULTS =
        new Connections(20_000, 64L << 20, Duration.ofSeconds(60), Duration.ofSeconds(30));
  }

  /** {@code server.cors.*}. */
  public record Cors(List<String> allowedOrigins) {}

  /** {@code server.ws.*}. */
  public record Ws(
      boolean queryToken,
      List<String> allowedOrigins,
      long maxMessageBytes,
      int maxConnections,
      int maxConnectionsPerTenant,
      Duration idleTimeout,
      Subscriptions subscriptions) {
    /** With the default subscription bounds. */
    public Ws(boolean queryToken, List<String> allowedOrigins, long maxMessageBytes,
        int maxConnections, int maxConnectionsPerTenant, Duration idleTimeout) {
      this(queryToken, allowedOrigins, maxMessageBytes, maxConnections, maxConnectionsPerTenant,
          idleTimeout, Subscriptions.DEFAULTS);
    }

    public Ws withSubscriptions(Subscriptions s) {
      return new Ws(queryToken, allowedOrigins, maxMessageBytes, maxConnections,
          maxConnectionsPerTenant, idleTimeout, s);
    }
  }

  /** {@code server.ws.*} bounds of subscriptions (WebSocket and IPC). */
  public record Subscriptions(int perConnection, int perTenant, int maxLogsFilterTerms) {
    public static final Subscriptions DEFAULTS = new Subscriptions(1000, 10_000, 1000);
  }

  /** {@code ipc.*}; an empty path means no IPC endpoint. */
  public record Ipc(Optional<Path> path, String mode, long maxMessageBytes) {}

  /** {@code privacy.*}. */
  public record Privacy(Index index, List<String> extenderCodeHashes) {
    /** With GoQuorum's own extension management contracts. */
    public Privacy(Index index) {
      this(index, dev.scopegate.privacy.ExtenderCode.GOQUORUM);
    }

    public Privacy {
      extenderCodeHashes = List.copyOf(extenderCodeHashes);
    }
  }

  /** {@code privacy.index.*}. */
  public record Index(Path path, long fromBlock, Duration maxWait, Duration pollInterval) {}

  /** {@code auth.*}; an empty API key means the API key is off. */
  public record Auth(
      String apiKey, Jwt jwt, Introspection introspection, Optional<Path> tenants) {

    public Auth(String apiKey, Jwt jwt) {
      this(apiKey, jwt, Introspection.OFF, Optional.empty());
    }
  }

  /** {@code auth.introspection.*}; no endpoint and no client id means no introspection. */
  public record Introspection(
      Optional<URI> endpoint,
      String clientId,
      String clientSecret,
      String clientAuth,
      long cacheSize,
      Duration cacheTtl,
      Duration negativeTtl) {
    public static final Introspection OFF = new Introspection(Optional.empty(), "", "",
        "client_secret_basic", 10_000, Duration.ofMinutes(5), Duration.ofSeconds(5));

    @Override
    public String toString() { // the secret stays out of every log and message
      return "Introspection[endpoint=" + endpoint + ", clientId=" + clientId + "]";
    }
  }

  /** {@code auth.jwt.*}; neither key file nor JWKS URL means no token is accepted. */
  public record Jwt(
      Optional<Path> publicKeyFile,
      Optional<URI> jwksUrl,
      List<String> issuers,
      List<String> audiences,
      Duration clockSkew,
      Duration jwksMinRefetch,
      String claimsNamespace,
      Optional<URI> issuerUrl,
      String scopeClaim,
      boolean preferIntrospection) {

    public Jwt(Optional<Path> publicKeyFile, Optional<URI> jwksUrl, List<String> issuers,
        List<String> audiences, Duration clockSkew, Duration jwksMinRefetch,
        String claimsNamespace) {
      this(publicKeyFile, jwksUrl, issuers, audiences, clockSkew, jwksMinRefetch,
          claimsNamespace, Optional.empty(), "scope", false);
    }
  }

  /** {@code metrics.*}: the port of {@code /metrics}, {@code /live}, {@code /ready}. */
  public record Metrics(int port, long readyMaxIndexLag) {
    public Metrics(int port) {
      this(port, 5);
    }
  }

  /** {@code log.*}. */
  public record Log(String format, boolean access) {
    public static final Log DEFAULT = new Log("text", false);

    public boolean json() {
      return format.equals("json");
    }
  }

  /** {@code server.shutdownTimeout}: kept apart from {@link Server}, which the transports read. */
  public record Lifecycle(Duration shutdownTimeout) {
    public static final Lifecycle DEFAULT = new Lifecycle(Duration.ofSeconds(20));
  }

  /** {@code tracing.*}: OpenTelemetry spans over OTLP/HTTP; no endpoint, no tracing. */
  public record Tracing(Optional<URI> otlpEndpoint, String serviceName, double sampleRatio) {
    public static final Tracing OFF = new Tracing(Optional.empty(), "scopegate", 1.0);
  }

  /**
   * {@code limits.*}: per tenant and per operator (0 = off), the block range of one logs query,
   * the longest tracer timeout a trace call may ask (tenants; operators only when set), and where
   * buckets live ({@code redis}: shared by replicas; empty: in this process).
   */
  public record Limits(
      dev.scopegate.limits.LimitSet tenant,
      dev.scopegate.limits.LimitSet operator,
      long maxLogsBlockRange,
      Optional<URI> redisUrl,
      String redisOnFailure,
      Duration maxTraceTimeout,
      Duration operatorMaxTraceTimeout) {
    public static final Limits OFF = new Limits(dev.scopegate.limits.LimitSet.OFF,
        dev.scopegate.limits.LimitSet.OFF, 0, Optional.empty(), "local");

    /** No trace timeout caps. */
    public Limits(dev.scopegate.limits.LimitSet tenant, dev.scopegate.limits.LimitSet operator,
        long maxLogsBlockRange, Optional<URI> redisUrl, String redisOnFailure) {
      this(tenant, operator, maxLogsBlockRange, redisUrl, redisOnFailure, Duration.ZERO, Duration.ZERO);
    }

    public Limits withTenant(dev.scopegate.limits.LimitSet t) {
      return new Limits(t, operator, maxLogsBlockRange, redisUrl, redisOnFailure, maxTraceTimeout,
          operatorMaxTraceTimeout);
    }

    public Limits withOperator(dev.scopegate.limits.LimitSet o) {
      return new Limits(tenant, o, maxLogsBlockRange, redisUrl, redisOnFailure, maxTraceTimeout,
          operatorMaxTraceTimeout);
    }

    public Limits withMaxLogsBlockRange(long blocks) {
      return new Limits(tenant, operator, blocks, redisUrl, redisOnFailure, maxTraceTimeout,
          operatorMaxTraceTimeout);
    }

    /** Tenants' trace timeouts capped at {@code tenants}, operators' at {@code operators} (0: off). */
    public Limits withMaxTraceTimeout(Duration tenants, Duration operators) {
      return new Limits(tenant, operator, maxLogsBlockRange, redisUrl, redisOnFailure, tenants, operators);
    }

    @Override
    public String toString() { // a Redis URL may carry a password
      return "Limits[tenant=" + tenant + ", operator=" + operator + ", maxLogsBlockRange="
          + maxLogsBlockRange + ", maxTraceTimeout=" + maxTraceTimeout + "/" + operatorMaxTraceTimeout
          + ", redis=" + redisUrl.map(u -> u.getScheme() + "://" + u.getHost()).orElse("off")
          + ", onFailure=" + redisOnFailure + "]";
    }
  }
}
