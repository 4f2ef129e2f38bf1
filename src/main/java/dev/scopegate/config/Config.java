package dev.scopegate.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The whole configuration, validated; built by {@link ConfigLoader}. Keys as in DESIGN.md. */
public record Config(
    Upstream upstream, Server server, Ipc ipc, Privacy privacy, Auth auth, Metrics metrics) {

  /** {@code upstream.*}: the node and its privacy manager. */
  public record Upstream(
      URI http, Optional<URI> ws, Optional<String> privacyManager, Duration timeout,
      long wsMaxCallBytes) {
    /** Default for {@code upstream.wsMaxCallBytes}: 1 MiB, far below geth's 15 MiB frame limit. */
    public static final long DEFAULT_WS_MAX_CALL_BYTES = 1L << 20;

    public Upstream(URI http, Optional<URI> ws, Optional<String> privacyManager, Duration timeout) {
      this(http, ws, privacyManager, timeout, DEFAULT_WS_MAX_CALL_BYTES);
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
      Connections connections) {
    /** With the default connection bounds. */
    public Server(String host, int port, long maxBodyBytes, int maxBatchSize, String filterIdSecret,
        Cors cors, Ws ws) {
      this(host, port, maxBodyBytes, maxBatchSize, filterIdSecret, cors, ws, Connections.DEFAULTS);
    }

    public Server withConnections(Connections c) {
      return new Server(host, port, maxBodyBytes, maxBatchSize, filterIdSecret, cors, ws, c);
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
  public record Privacy(Index index) {}

  /** {@code privacy.index.*}. */
  public record Index(Path path, long fromBlock, Duration maxWait, Duration pollInterval) {}

  /** {@code auth.*}; an empty API key means the API key is off. */
  public record Auth(String apiKey, Jwt jwt) {}

  /** {@code auth.jwt.*}; neither key file nor JWKS URL means no token is accepted. */
  public record Jwt(
      Optional<Path> publicKeyFile,
      Optional<URI> jwksUrl,
      List<String> issuers,
      List<String> audiences,
      Duration clockSkew,
      Duration jwksMinRefetch,
      String claimsNamespace) {}

  /** {@code metrics.*}. */
  public record Metrics(int port) {}
}
