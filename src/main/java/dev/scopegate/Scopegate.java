package dev.scopegate;

import dev.scopegate.auth.Authenticator;
import dev.scopegate.config.Config;
import dev.scopegate.observe.Metrics;
import dev.scopegate.observe.MetricsServer;
import dev.scopegate.observe.MetricsStartException;
import dev.scopegate.pipeline.Dispatcher;
import dev.scopegate.policy.Policy;
import dev.scopegate.isolation.FilterIds;
import dev.scopegate.isolation.GuardContext;
import dev.scopegate.isolation.IsolationRules;
import dev.scopegate.jsonrpc.RequestDecoder;
import dev.scopegate.policy.PolicyTable;
import dev.scopegate.privacy.PrivacyService;
import dev.scopegate.transport.http.HttpTransport;
import dev.scopegate.transport.ws.SubscriptionQuota;
import dev.scopegate.transport.ws.WsContext;
import dev.scopegate.transport.ws.WsUpgrade;
import dev.scopegate.upstream.ws.SharedWsUpstream;
import dev.scopegate.transport.ipc.IpcTransport;
import dev.scopegate.upstream.HttpUpstream;
import dev.scopegate.upstream.Upstream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running proxy: wires the pipeline from a config and starts and stops its listeners through
 * futures. Many may run in one JVM (tests do); each releases its ports on {@link #stop()}.
 */
public final class Scopegate {
  private static final Logger LOG = LoggerFactory.getLogger(Scopegate.class);

  private final Config config;
  private final Upstream upstream;
  private final Optional<SharedWsUpstream> sharedWs;
  private final Authenticator authenticator;
  private final PrivacyService privacy;
  private final HttpServer http;
  private final Optional<IpcTransport> ipc;
  private final Metrics metrics;
  private final HttpServer metricsServer;

  private Scopegate(
      Config config,
      Upstream upstream,
      Optional<SharedWsUpstream> sharedWs,
      Authenticator authenticator,
      PrivacyService privacy,
      Listeners listeners,
      Metrics metrics) {
    this.config = config;
    this.upstream = upstream;
    this.sharedWs = sharedWs;
    this.authenticator = authenticator;
    this.privacy = privacy;
    this.http = listeners.http();
    this.ipc = listeners.ipc();
    this.metrics = metrics;
    this.metricsServer = listeners.metrics();
  }

  public static Future<Scopegate> start(Vertx vertx, Config config) {
    return start(vertx, config, false);
  }

  /** Starts; {@code reindex} rebuilds the privacy index from {@code privacy.index.fromBlock}. */
  public static Future<Scopegate> start(Vertx vertx, Config config, boolean reindex) {
    Authenticator authenticator = Authenticator.create(vertx, config.auth());
    Upstream upstream =
        new HttpUpstream(vertx, config.upstream().http(), config.upstream().timeout());
    Optional<SharedWsUpstream> shared = config.upstream().ws()
        .map(ws -> SharedWsUpstream.create(
            vertx, ws, config.upstream().timeout(), config.upstream().wsMaxCallBytes()));
    Metrics metrics = new Metrics();
    return PrivacyService.start(vertx, config, upstream, shared, reindex)
        .compose(privacy -> {
          Policy policy = policy(config, privacy);
          WsContext wsContext = wsContext(config, upstream, shared, privacy,
              new Dispatcher(policy, upstream, metrics.calls("ws", policy::knows)));
          WsUpgrade ws = new WsUpgrade(
              vertx, authenticator.observed(metrics.authRefusals("ws")), wsContext, config.server().ws());
          gauges(metrics, ws, privacy);
          Transports transports = new Transports(
              authenticator.observed(metrics.authRefusals("http")),
              new Dispatcher(policy, upstream, metrics.calls("http", policy::knows)),
              new Dispatcher(policy, upstream, metrics.calls("ipc", policy::knows)),
              ws,
              shared.map(s -> wsContext));
          return listen(vertx, config, transports, metrics)
              .map(listeners -> new Scopegate(
                  config, upstream, shared, authenticator, privacy, listeners, metrics))
              .onFailure(e -> privacy.stop());
        })
        .onSuccess(Scopegate::logListening)
        .onFailure(e -> upstream.close()
            .eventually(() -> shared.map(SharedWsUpstream::close).orElse(Future.succeededFuture()))
            .eventually(authenticator::close)
            .onComplete(closed -> metrics.close()));
  }

  /** What the metrics read at each scrape: connections and the privacy index's position. */
  private static void gauges(Metrics metrics, WsUpgrade ws, PrivacyService privacy) {
    metrics.gauge("scopegate.ws.connections", "Open client WebSocket connections",
        ws, upgrade -> upgrade.limits().open());
    metrics.gauge("scopegate.privacy.index.block",
        "Last block the privacy index has applied (-1: none yet, or no index)",
        privacy, p -> p.index().map(i -> i.status().indexedBlock()).orElse(-1L));
    metrics.gauge("scopegate.privacy.index.node.head", "The node's head as the privacy index last saw it",
        privacy, p -> p.index().map(i -> i.status().nodeHead()).orElse(-1L));
    metrics.gauge("scopegate.privacy.index.lag.blocks",
        "Blocks the privacy index is behind the node's head (tenants wait or are refused meanwhile)",
        privacy, p -> p.index().map(i -> i.status().lag()).orElse(0L));
  }

  private static WsContext wsContext(
      Config config,
      Upstream upstream,
      Optional<SharedWsUpstream> shared,
      PrivacyService privacy,
      Dispatcher dispatcher) {
    return WsContext.of(
        dispatcher,
        upstream,
        shared,
        new RequestDecoder(config.server().maxBatchSize()),
        privacy.resolver(),
        config.server().ws().idleTimeout(),
        config.auth().jwt().clockSkew(),
        config.privacy().index().maxWait().multipliedBy(5),
        config.server().ws().maxMessageBytes(),
        new SubscriptionQuota(config.server().ws().subscriptions()));
  }

  /** What the listeners serve: each transport's pipeline, observed under its own name. */
  private record Transports(
      Authenticator httpAuth,
      Dispatcher http,
      Dispatcher ipc,
      WsUpgrade ws,
      Optional<WsContext> subscriptions) {}

  private record Listeners(HttpServer http, Optional<IpcTransport> ipc, HttpServer metrics) {}

  /**
   * HTTP, then IPC if configured, then the metrics port; whatever cannot be served fails the
   * start (a configured IPC is never silently left out), closing what was already listening.
   */
  private static Future<Listeners> listen(
      Vertx vertx, Config config, Transports transports, Metrics metrics) {
    return HttpTransport.start(vertx, config.server(), transports.httpAuth(), transports.http(), transports.ws())
        .compose(http -> ipc(vertx, config, transports)
            .compose(ipc -> MetricsServer.start(vertx, config.server().host(), config.metrics().port(), metrics)
                .map(served -> new Listeners(http, ipc, served))
                .recover(e -> Future.<Listeners>failedFuture(new MetricsStartException(config.server().host(), config.metrics().port(), e))
                    .eventually(() -> ipc.map(IpcTransport::stop).orElse(Future.succeededFuture()))))
            .recover(e -> http.close().transform(closed -> Future.<Listeners>failedFuture(e))));
  }

  private static Future<Optional<IpcTransport>> ipc(Vertx vertx, Config config, Transports transports) {
    if (config.ipc().path().isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    RequestDecoder decoder = new RequestDecoder(config.server().maxBatchSize());
    return IpcTransport.start(vertx, config.ipc(), decoder, transports.ipc(), transports.subscriptions())
        .map(Optional::of);
  }

  /** The policy every transport shares: the method table with its isolation guards and filters. */
  private static Policy policy(Config config, PrivacyService privacy) {
    GuardContext context = new GuardContext(
        privacy.resolver(), privacy.pinner(), privacy.node(), privacy::capabilities, privacy.tessera());
    FilterIds filterIds = FilterIds.fromConfig(config.server().filterIdSecret());
    return new Policy(PolicyTable.standard(IsolationRules.create(context, filterIds)));
  }

  /** The privacy layer: resolver, block pinner, index status. */
  public PrivacyService privacy() {
    return privacy;
  }

  /** The HTTP port actually bound (useful with port 0). */
  public int httpPort() {
    return http.actualPort();
  }

  /** Where the operators' IPC socket is, when one is configured. */
  public Optional<Path> ipcPath() {
    return ipc.map(IpcTransport::path);
  }

  public Config config() {
    return config;
  }

  /** The metrics port actually bound (useful with port 0). */
  public int metricsPort() {
    return metricsServer.actualPort();
  }

  private void logListening() {
    LOG.info(
        "scopegate listening: http on {}:{}{}, metrics on {}:{}/metrics, forwarding to {}",
        config.server().host(),
        httpPort(),
        ipcPath().map(path -> ", ipc on " + path).orElse(""),
        config.server().host(),
        metricsPort(),
        config.upstream().http().getHost() + ":" + config.upstream().http().getPort());
  }

  public Future<Void> stop() {
    Future<Void> ipcStopped = ipc.map(IpcTransport::stop).orElse(Future.succeededFuture());
    return ipcStopped
        .eventually(http::close)
        .eventually(metricsServer::close)
        .eventually(privacy::stop)
        .eventually(() -> sharedWs.map(SharedWsUpstream::close).orElse(Future.succeededFuture()))
        .eventually(authenticator::close)
        .eventually(upstream::close)
        .onComplete(stopped -> metrics.close());
  }
}
