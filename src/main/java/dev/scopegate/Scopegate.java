package dev.scopegate;

import dev.scopegate.auth.Authenticator;
import dev.scopegate.config.Config;
import dev.scopegate.observe.Metrics;
import dev.scopegate.observe.MetricsServer;
import dev.scopegate.observe.Observation;
import dev.scopegate.observe.Tracing;
import dev.scopegate.pipeline.CallTracer;
import dev.scopegate.observe.Readiness;
import dev.scopegate.observe.ReadinessChecks;
import dev.scopegate.pipeline.Dispatcher;
import dev.scopegate.policy.Policy;
import dev.scopegate.isolation.FilterIds;
import dev.scopegate.isolation.GuardContext;
import dev.scopegate.isolation.IsolationRules;
import dev.scopegate.isolation.MpsRules;
import dev.scopegate.mode.CallRouter;
import dev.scopegate.mode.ModeProbe;
import dev.scopegate.mode.NodeModes;
import dev.scopegate.pipeline.CallObserver;
import dev.scopegate.upstream.PsiUpstreams;
import dev.scopegate.jsonrpc.RequestDecoder;
import dev.scopegate.limits.BucketStore;
import dev.scopegate.limits.BucketStores;
import dev.scopegate.limits.InFlight;
import dev.scopegate.limits.Limiter;
import dev.scopegate.pipeline.CallGate;
import dev.scopegate.policy.PolicyTable;
import dev.scopegate.privacy.PrivacyService;
import dev.scopegate.transport.http.HttpServers;
import dev.scopegate.transport.http.HttpTransport;
import dev.scopegate.transport.http.TlsReloader;
import dev.scopegate.transport.ws.SubscriptionQuota;
import dev.scopegate.transport.ws.WsContext;
import dev.scopegate.transport.ws.WsUpgrade;
import dev.scopegate.upstream.ws.PsiSockets;
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
  /** A readiness probe that waits longer than this is answered "not ready". */
  private static final java.time.Duration READY_TIMEOUT = java.time.Duration.ofSeconds(2);

  private final Config config;
  private final Upstream upstream;
  private final Optional<SharedWsUpstream> sharedWs;
  private final Optional<PsiSockets> psiSockets;
  private final Authenticator authenticator;
  private final PrivacyService privacy;
  private final HttpServers http;
  private final Optional<TlsReloader> tls;
  private final Optional<IpcTransport> ipc;
  private final Metrics metrics;
  private final HttpServer metricsServer;
  private final WsUpgrade ws;
  private final NodeModes modes;
  private final Tracing tracing;
  private final BucketStore buckets;
  private Future<Void> stopped;

  private Scopegate(
      Config config,
      Upstream upstream,
      Optional<SharedWsUpstream> sharedWs,
      Optional<PsiSockets> psiSockets,
      Authenticator authenticator,
      PrivacyService privacy,
      Listeners listeners,
      Metrics metrics,
      WsUpgrade ws,
      NodeModes modes,
      Tracing tracing,
      BucketStore buckets) {
    this.tracing = tracing;
    this.buckets = buckets;
    this.ws = ws;
    this.modes = modes;
    this.config = config;
    this.upstream = upstream;
    this.sharedWs = sharedWs;
    this.psiSockets = psiSockets;
    this.authenticator = authenticator;
    this.privacy = privacy;
    this.http = listeners.http();
    this.tls = listeners.tls();
    this.ipc = listeners.ipc();
    this.metrics = metrics;
    this.metricsServer = listeners.metrics();
  }

  public static Future<Scopegate> start(Vertx vertx, Config config) {
    return start(vertx, config, false);
  }

  /** Starts; {@code reindex} rebuilds the privacy index from {@code privacy.index.fromBlock}. */
  public static Future<Scopegate> start(Vertx vertx, Config config, boolean reindex) {
    return start(vertx, config, reindex, Tracing.of(config.tracing()));
  }

  /** Starts with {@code tracing} rather than the one {@code tracing.*} describes (tests). */
  public static Future<Scopegate> start(Vertx vertx, Config config, boolean reindex, Tracing tracing) {
    return start(vertx, config, reindex, tracing, Optional.empty());
  }

  /** Starts with its limits' buckets in {@code store} (tests: a store on a clock they move). */
  public static Future<Scopegate> start(Vertx vertx, Config config, BucketStore store) {
    return start(vertx, config, false, Tracing.of(config.tracing()), Optional.of(store));
  }

  /**
   * Starts with its limits' buckets in {@code store} and the HTTP port served on
   * {@code eventLoops} event loops rather than one per core (tests: several loops on a machine of
   * one core).
   */
  public static Future<Scopegate> start(Vertx vertx, Config config, BucketStore store, int eventLoops) {
    return start(vertx, config, false, Tracing.of(config.tracing()), Optional.of(store), eventLoops);
  }

  private static Future<Scopegate> start(
      Vertx vertx, Config config, boolean reindex, Tracing tracing, Optional<BucketStore> store) {
    return start(vertx, config, reindex, tracing, store, Runtime.getRuntime().availableProcessors());
  }

  /**
   * {@code eventLoops}: how many serve the HTTP port; by default one per core the JVM sees
   * (container CPU limits and {@code -XX:ActiveProcessorCount} included). Vert.x has twice as
   * many event loops, so each server gets one of its own.
   */
  private static Future<Scopegate> start(Vertx vertx, Config config, boolean reindex, Tracing tracing,
      Optional<BucketStore> store, int eventLoops) {
    Metrics metrics = new Metrics();
    BucketStore buckets;
    try {
      buckets = store.orElseGet(() -> BucketStores.create(vertx, config.limits(), metrics.registry()));
    } catch (IllegalArgumentException e) {
      tracing.close();
      metrics.close();
      return Future.failedFuture(e);
    }
    return Authenticator.start(vertx, config.auth())
        .compose(authenticator -> start(vertx, config, reindex, authenticator, tracing, buckets, metrics,
            eventLoops))
        .onFailure(e -> {
          tracing.close();
          buckets.close().onComplete(closed -> metrics.close());
        });
  }

  private static Future<Scopegate> start(Vertx vertx, Config config, boolean reindex,
      Authenticator authenticator, Tracing tracing, BucketStore buckets, Metrics metrics, int eventLoops) {
    HttpUpstream upstream =
        new HttpUpstream(vertx, config.upstream().http(), config.upstream().timeout(),
            config.upstream().maxResponseBytes());
    Optional<SharedWsUpstream> shared = config.upstream().ws()
        .map(ws -> SharedWsUpstream.create(
            vertx, ws, config.upstream().timeout(), config.upstream().wsMaxCallBytes()));
    Optional<PsiSockets> psiSockets = config.upstream().ws()
        .map(ws -> new PsiSockets(vertx, ws, config.upstream().timeout()));
    PrivacyService.preload(vertx, config);
    return NodeModes.start(vertx, new ModeProbe(upstream), config.upstream().mode())
        .compose(modes -> PrivacyService.start(vertx, config, upstream, shared, modes, reindex)
        .compose(privacy -> {
          FilterIds filterIds = FilterIds.fromConfig(config.server().filterIdSecret());
          Policy policy = policy(config, privacy, filterIds);
          Policy mps = new Policy(PolicyTable.standard(MpsRules.create(filterIds)));
          // one limiter for every transport, so a tenant's budget is the same over HTTP, WS and IPC
          InFlight inFlight = new InFlight();
          CallGate limits = new Limiter(config.limits(), buckets, privacy.heads()::head,
              metrics.limits(inFlight), inFlight);
          WsContext wsContext = wsContext(config, upstream, shared, privacy,
              new Dispatcher(policy, upstream, Observation.calls(metrics, "ws", policy::knows, config.log()),
                  tracing.calls("ws", policy::knows), limits));
          WsUpgrade ws = new WsUpgrade(
              vertx, authenticator.observed(Observation.credentials(metrics, "ws")), wsContext, config.server().ws(),
              router(modes, policy, mps, upstream, Observation.calls(metrics, "ws", policy::knows, config.log()),
                  tracing.calls("ws", policy::knows), limits),
              psiSockets);
          gauges(metrics, ws, privacy);
          Readiness readiness = ReadinessChecks.of(
              vertx, privacy, config.metrics().readyMaxIndexLag(), READY_TIMEOUT);
          Transports transports = new Transports(
              authenticator.observed(Observation.credentials(metrics, "http")),
              router(modes, policy, mps, upstream, Observation.calls(metrics, "http", policy::knows, config.log()),
                  tracing.calls("http", policy::knows), limits),
              new Dispatcher(policy, upstream, Observation.calls(metrics, "ipc", policy::knows, config.log()),
                  tracing.calls("ipc", policy::knows), limits),
              upstream,
              ws,
              shared.map(s -> wsContext),
              psiSockets,
              readiness);
          return listen(vertx, config, transports, metrics, eventLoops)
              .map(listeners -> new Scopegate(
                  config, upstream, shared, psiSockets, authenticator, privacy, listeners, metrics, ws, modes,
                  tracing, buckets))
              .onFailure(e -> {
                privacy.stop();
                modes.stop();
              });
        }))
        .onSuccess(Scopegate::logListening)
        .onFailure(e -> upstream.close()
            .eventually(() -> shared.map(SharedWsUpstream::close).orElse(Future.succeededFuture()))
            .eventually(() -> psiSockets.map(PsiSockets::close).orElse(Future.succeededFuture()))
            .eventually(authenticator::close)
            .onComplete(closed -> metrics.close()));
  }

  /** Each caller's pipeline by the node's mode: one private state (or none), or one PSI of many. */
  private static CallRouter router(
      NodeModes modes, Policy single, Policy mps, HttpUpstream upstream, CallObserver observer,
      CallTracer tracer, CallGate limits) {
    return new CallRouter(modes, new Dispatcher(single, upstream, observer, tracer, limits),
        new Dispatcher(mps, upstream, observer, tracer, limits), upstream, upstream);
  }

  /** What the metrics read at each scrape: connections and the privacy index's position. */
  private static void gauges(Metrics metrics, WsUpgrade ws, PrivacyService privacy) {
    metrics.gauge("scopegate.ws.connections", "Open client WebSocket connections",
        ws, upgrade -> upgrade.limits().open());
    metrics.gauge("scopegate.ws.subscriptions", "Subscriptions open on client WebSocket connections",
        ws, WsUpgrade::subscriptions);
    metrics.caches(privacy.resolver().caches());
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
      CallRouter http,
      Dispatcher ipc,
      PsiUpstreams psis,
      WsUpgrade ws,
      Optional<WsContext> subscriptions,
      Optional<PsiSockets> psiSockets,
      Readiness readiness) {}

  private record Listeners(
      HttpServers http, Optional<IpcTransport> ipc, HttpServer metrics, Optional<TlsReloader> tls) {}

  /**
   * HTTP, then IPC if configured, then the metrics port; whatever cannot be served fails the
   * start (a configured IPC is never silently left out), closing what was already listening.
   */
  private static Future<Listeners> listen(
      Vertx vertx, Config config, Transports transports, Metrics metrics, int eventLoops) {
    String host = config.server().host();
    return HttpTransport.start(vertx, config.server(), transports.httpAuth(), transports.http(), transports.ws(),
            eventLoops, metrics.connectionAccepted("http"))
        .recover(e -> Future.failedFuture(BindFailure.of("server.port", "--port", host, config.server().port(), e)))
        .compose(http -> ipc(vertx, config, transports)
            .compose(ipc -> MetricsServer.start(vertx, host, config.metrics().port(), metrics, transports.readiness())
                .recover(e -> Future.<HttpServer>failedFuture(
                    BindFailure.of("metrics.port", "--metrics-port", host, config.metrics().port(), e)))
                .compose(served -> tlsReloader(vertx, config, http)
                    .map(tls -> new Listeners(http, ipc, served, tls))
                    .recover(e -> served.close().transform(closed -> Future.<Listeners>failedFuture(e))))
                .recover(e -> Future.<Listeners>failedFuture(e)
                    .eventually(() -> ipc.map(IpcTransport::stop).orElse(Future.succeededFuture()))))
            .recover(e -> http.close().transform(closed -> Future.<Listeners>failedFuture(e))));
  }

  private static Future<Optional<TlsReloader>> tlsReloader(
      Vertx vertx, Config config, HttpServers http) {
    return config.server().tls().enabled()
        ? TlsReloader.watch(vertx, http.any(), config.server().tls()).map(Optional::of)
        : Future.succeededFuture(Optional.empty());
  }

  private static Future<Optional<IpcTransport>> ipc(Vertx vertx, Config config, Transports transports) {
    if (config.ipc().path().isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    RequestDecoder decoder = new RequestDecoder(config.server().maxBatchSize());
    return IpcTransport.start(vertx, config.ipc(), decoder, transports.ipc(), transports.subscriptions(), transports.psis(),
            transports.psiSockets())
        .map(Optional::of);
  }

  /** The policy every transport shares: the method table with its isolation guards and filters. */
  private static Policy policy(Config config, PrivacyService privacy, FilterIds filterIds) {
    GuardContext context = new GuardContext(
        privacy.resolver(), privacy.pinner(), privacy.node(), privacy::capabilities, privacy.tessera());
    return new Policy(PolicyTable.standard(IsolationRules.create(context, filterIds)));
  }

  /** The privacy layer: resolver, block pinner, index status. */
  public PrivacyService privacy() {
    return privacy;
  }

  /** The per-PSI node sockets (multiple private states), when {@code upstream.ws} is set. */
  public Optional<PsiSockets> psiSockets() {
    return psiSockets;
  }

  /** The node's mode, as detected (or pinned and confirmed). */
  public NodeModes modes() {
    return modes;
  }

  /** How many event loops serve the HTTP port (one server each). */
  public int httpEventLoops() {
    return http.size();
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
        "scopegate listening: {} on {}:{}{}, metrics on {}:{}/metrics, forwarding to {}; node: {}",
        config.server().tls().enabled() ? "https/wss" : "http",
        config.server().host(),
        httpPort(),
        ipcPath().map(path -> ", ipc on " + path).orElse(""),
        config.server().host(),
        metricsPort(),
        config.upstream().http().getHost() + ":" + config.upstream().http().getPort(),
        modes.describe());
  }

  /**
   * The stop for SIGTERM: the HTTP listener stops accepting and its calls in flight may finish
   * (bounded by {@code server.shutdownTimeout}); WebSockets are closed with 1001 "going away" at
   * once, so that clients reconnect to another replica; then everything stops as {@link #stop()}
   * does (the IPC socket file is removed).
   */
  public Future<Void> shutdown() {
    java.time.Duration timeout = config.lifecycle().shutdownTimeout();
    LOG.info("stopping: no new connections; calls in flight get up to {} ms", timeout.toMillis());
    Future<Void> drained = http.shutdown(Math.max(1, timeout.toMillis()), java.util.concurrent.TimeUnit.MILLISECONDS);
    ws.goingAway();
    return drained.transform(done -> stop());
  }

  /** Stops everything at once; a second call answers the first's outcome. */
  public synchronized Future<Void> stop() {
    if (stopped == null) {
      stopped = stopNow();
    }
    return stopped;
  }

  private Future<Void> stopNow() {
    Future<Void> ipcStopped = ipc.map(IpcTransport::stop).orElse(Future.succeededFuture());
    tls.ifPresent(TlsReloader::stop);
    return ipcStopped
        .eventually(http::close)
        .eventually(metricsServer::close)
        .eventually(privacy::stop)
        .eventually(() -> {
          modes.stop();
          return Future.succeededFuture();
        })
        .eventually(() -> sharedWs.map(SharedWsUpstream::close).orElse(Future.succeededFuture()))
        .eventually(() -> psiSockets.map(PsiSockets::close).orElse(Future.succeededFuture()))
        .eventually(authenticator::close)
        .eventually(upstream::close)
        .eventually(tracing::close)
        .eventually(buckets::close)
        .onComplete(stopped -> metrics.close());
  }
}
