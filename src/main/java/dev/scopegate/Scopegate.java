package dev.scopegate;

import dev.scopegate.auth.Authenticator;
import dev.scopegate.config.Config;
import dev.scopegate.pipeline.Dispatcher;
import dev.scopegate.policy.Policy;
import dev.scopegate.isolation.FilterIds;
import dev.scopegate.isolation.GuardContext;
import dev.scopegate.isolation.IsolationRules;
import dev.scopegate.jsonrpc.RequestDecoder;
import dev.scopegate.policy.PolicyTable;
import dev.scopegate.privacy.PrivacyService;
import dev.scopegate.transport.http.HttpTransport;
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

  private Scopegate(
      Config config,
      Upstream upstream,
      Optional<SharedWsUpstream> sharedWs,
      Authenticator authenticator,
      PrivacyService privacy,
      HttpServer http,
      Optional<IpcTransport> ipc) {
    this.config = config;
    this.upstream = upstream;
    this.sharedWs = sharedWs;
    this.authenticator = authenticator;
    this.privacy = privacy;
    this.http = http;
    this.ipc = ipc;
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
        .map(ws -> SharedWsUpstream.create(vertx, ws, config.upstream().timeout()));
    return PrivacyService.start(vertx, config, upstream, shared, reindex)
        .compose(privacy -> {
          Policy policy = policy(config, privacy);
          WsContext wsContext = wsContext(config, policy, upstream, shared, privacy);
          WsUpgrade ws = new WsUpgrade(vertx, authenticator, wsContext, config.server().ws());
          return listen(vertx, config, authenticator, new Dispatcher(policy, upstream), ws,
                  shared.map(s -> wsContext))
              .map(listeners -> new Scopegate(
                  config, upstream, shared, authenticator, privacy, listeners.http(), listeners.ipc()))
              .onFailure(e -> privacy.stop());
        })
        .onSuccess(Scopegate::logListening)
        .onFailure(e -> upstream.close()
            .eventually(() -> shared.map(SharedWsUpstream::close).orElse(Future.succeededFuture()))
            .eventually(authenticator::close));
  }

  private static WsContext wsContext(
      Config config, Policy policy, Upstream upstream, Optional<SharedWsUpstream> shared, PrivacyService privacy) {
    return WsContext.of(
        policy,
        upstream,
        shared,
        new RequestDecoder(config.server().maxBatchSize()),
        privacy.resolver(),
        config.server().ws().idleTimeout(),
        config.auth().jwt().clockSkew(),
        config.privacy().index().maxWait().multipliedBy(5),
        config.server().ws().maxMessageBytes());
  }

  private record Listeners(HttpServer http, Optional<IpcTransport> ipc) {}

  /** HTTP, then IPC if configured; a configured IPC that cannot be served fails the start. */
  private static Future<Listeners> listen(
      Vertx vertx,
      Config config,
      Authenticator authenticator,
      Dispatcher dispatcher,
      WsUpgrade ws,
      Optional<WsContext> subscriptions) {
    return HttpTransport.start(vertx, config.server(), authenticator, dispatcher, ws)
        .compose(http -> {
          if (config.ipc().path().isEmpty()) {
            return Future.succeededFuture(new Listeners(http, Optional.empty()));
          }
          RequestDecoder decoder = new RequestDecoder(config.server().maxBatchSize());
          return IpcTransport.start(vertx, config.ipc(), decoder, dispatcher, subscriptions)
              .map(ipc -> new Listeners(http, Optional.of(ipc)))
              .recover(e -> http.close().transform(closed -> Future.<Listeners>failedFuture(e)));
        });
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

  private void logListening() {
    LOG.info(
        "scopegate listening: http on {}:{}{}, forwarding to {}",
        config.server().host(),
        httpPort(),
        ipcPath().map(path -> ", ipc on " + path).orElse(""),
        config.upstream().http().getHost() + ":" + config.upstream().http().getPort());
  }

  public Future<Void> stop() {
    Future<Void> ipcStopped = ipc.map(IpcTransport::stop).orElse(Future.succeededFuture());
    return ipcStopped
        .eventually(http::close)
        .eventually(privacy::stop)
        .eventually(() -> sharedWs.map(SharedWsUpstream::close).orElse(Future.succeededFuture()))
        .eventually(authenticator::close)
        .eventually(upstream::close);
  }
}
