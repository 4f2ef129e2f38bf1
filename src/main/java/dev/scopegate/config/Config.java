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
      URI http, Optional<URI> ws, Optional<String> privacyManager, Duration timeout) {}

  /** {@code server.*}: the HTTP and WebSocket listener. */
  public record Server(
      String host,
      int port,
      long maxBodyBytes,
      int maxBatchSize,
      String filterIdSecret,
      Cors cors,
      Ws ws) {}

  /** {@code server.cors.*}. */
  public record Cors(List<String> allowedOrigins) {}

  /** {@code server.ws.*}. */
  public record Ws(
      boolean queryToken,
      List<String> allowedOrigins,
      long maxMessageBytes,
      int maxConnections,
      int maxConnectionsPerTenant,
      Duration idleTimeout) {}

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
