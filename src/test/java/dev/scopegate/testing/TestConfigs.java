package dev.scopegate.testing;

import dev.scopegate.config.Config;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Configs for tests: loopback, port 0, the documented defaults, and what a test changes. */
public final class TestConfigs {
  public static final String API_KEY = "test-operator-key-0123456789";

  private TestConfigs() {}

  /**
   * The dev node's extension management contract is its own code, not GoQuorum's compiled
   * ContractExtender: the tests accept it beside GoQuorum's (see {@code ExtenderContract}).
   */
  public static final List<String> DEV_NODE_EXTENDERS = java.util.stream.Stream.concat(
      java.util.stream.Stream.of(dev.scopegate.devnode.ExtenderContract.RUNTIME_HASH),
      dev.scopegate.privacy.ExtenderCode.GOQUORUM.stream()).toList();

  public static Config config(URI upstream, Config.Jwt jwt) {
    return new Config(
        new Config.Upstream(upstream, Optional.empty(), Optional.empty(), Duration.ofSeconds(30)),
        server(5 * 1024 * 1024, 100, List.of()),
        new Config.Ipc(Optional.empty(), "0600", 5 * 1024 * 1024),
        new Config.Privacy(new Config.Index(Path.of("target/test-index"), 0, Duration.ofSeconds(2), Duration.ofMillis(50)),
            DEV_NODE_EXTENDERS),
        new Config.Auth(API_KEY, jwt),
        new Config.Metrics(0));
  }

  public static Config.Server server(long maxBody, int maxBatch, List<String> corsOrigins) {
    return new Config.Server(
        "127.0.0.1",
        0,
        maxBody,
        maxBatch,
        "",
        new Config.Cors(corsOrigins),
        new Config.Ws(false, List.of(), 5 * 1024 * 1024, 10_000, 100, Duration.ofSeconds(60)));
  }

  public static Config.Jwt publicKey(Path pem) {
    return jwt(Optional.of(pem), Optional.empty());
  }

  public static Config.Jwt jwt(Optional<Path> pem, Optional<URI> jwks) {
    return new Config.Jwt(
        pem, jwks, List.of(), List.of(), Duration.ofSeconds(30), Duration.ofMillis(10), "");
  }

  /** With the operators' IPC socket at {@code path}, mode 0600. */
  public static Config withIpc(Config c, Path path) {
    return withIpc(c, new Config.Ipc(Optional.of(path), "0600", 5 * 1024 * 1024));
  }

  public static Config withIpc(Config c, Config.Ipc ipc) {
    return new Config(c.upstream(), c.server(), ipc, c.privacy(), c.auth(), c.metrics());
  }

  public static Config withMetricsPort(Config c, int port) {
    return new Config(c.upstream(), c.server(), c.ipc(), c.privacy(), c.auth(), new Config.Metrics(port));
  }

  public static Config withServer(Config c, Config.Server server) {
    return new Config(c.upstream(), server, c.ipc(), c.privacy(), c.auth(), c.metrics());
  }

  /** With Tessera at {@code privacyManager} and the index stored under {@code indexPath}. */
  public static Config withPrivacy(Config c, String privacyManager, Path indexPath) {
    Config.Upstream u = c.upstream();
    Config.Index i = c.privacy().index();
    return new Config(
        new Config.Upstream(u.http(), u.ws(), Optional.of(privacyManager), u.timeout(), u.wsMaxCallBytes()),
        c.server(), c.ipc(),
        new Config.Privacy(new Config.Index(indexPath, i.fromBlock(), i.maxWait(), i.pollInterval()), c.privacy().extenderCodeHashes()),
        c.auth(), c.metrics());
  }

  /** With the node's WebSocket as {@code upstream.ws}. */
  public static Config withUpstreamWs(Config c, java.net.URI ws) {
    Config.Upstream u = c.upstream();
    return new Config(
        new Config.Upstream(u.http(), Optional.of(ws), u.privacyManager(), u.timeout(), u.wsMaxCallBytes()),
        c.server(), c.ipc(), c.privacy(), c.auth(), c.metrics());
  }

  /** With these WebSocket settings. */
  public static Config withWs(Config c, Config.Ws ws) {
    Config.Server s = c.server();
    return withServer(c, new Config.Server(s.host(), s.port(), s.maxBodyBytes(), s.maxBatchSize(),
        s.filterIdSecret(), s.cors(), ws, s.connections()));
  }

  /** With these listener-wide connection bounds. */
  public static Config withConnections(Config c, Config.Connections connections) {
    return withServer(c, c.server().withConnections(connections));
  }

  /** With these subscription bounds. */
  public static Config withSubscriptions(Config c, Config.Subscriptions subscriptions) {
    return withWs(c, c.server().ws().withSubscriptions(subscriptions));
  }

  /** With {@code upstream.wsMaxCallBytes}. */
  public static Config withWsMaxCallBytes(Config c, long bytes) {
    Config.Upstream u = c.upstream();
    return new Config(new Config.Upstream(u.http(), u.ws(), u.privacyManager(), u.timeout(), bytes),
        c.server(), c.ipc(), c.privacy(), c.auth(), c.metrics());
  }

  /** With {@code auth.jwt.clockSkew} set (tests of expiry want none). */
  public static Config withClockSkew(Config c, Duration skew) {
    Config.Jwt j = c.auth().jwt();
    return new Config(c.upstream(), c.server(), c.ipc(), c.privacy(),
        new Config.Auth(c.auth().apiKey(), new Config.Jwt(j.publicKeyFile(), j.jwksUrl(), j.issuers(),
            j.audiences(), skew, j.jwksMinRefetch(), j.claimsNamespace())),
        c.metrics());
  }

  public static Config withPollInterval(Config c, Duration poll) {
    Config.Index i = c.privacy().index();
    return new Config(c.upstream(), c.server(), c.ipc(),
        new Config.Privacy(new Config.Index(i.path(), i.fromBlock(), i.maxWait(), poll), c.privacy().extenderCodeHashes()),
        c.auth(), c.metrics());
  }

  public static Config withMaxWait(Config c, Duration maxWait) {
    Config.Index i = c.privacy().index();
    return new Config(c.upstream(), c.server(), c.ipc(),
        new Config.Privacy(new Config.Index(i.path(), i.fromBlock(), maxWait, i.pollInterval()), c.privacy().extenderCodeHashes()),
        c.auth(), c.metrics());
  }

  public static Config withTimeout(Config c, Duration timeout) {
    Config.Upstream u = c.upstream();
    return new Config(
        new Config.Upstream(u.http(), u.ws(), u.privacyManager(), timeout),
        c.server(), c.ipc(), c.privacy(), c.auth(), c.metrics());
  }
}
