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
  private final Authenticator authenticator;
  private final PrivacyService privacy;
  private final HttpServer http;
  private final Optional<IpcTransport> ipc;

  private Scopegate(
      Config config,
      Upstream upstream,
      Authenticator authenticator,
      PrivacyService privacy,
      HttpServer http,
      Optional<IpcTransport> ipc) {
    this.config = config;
    this.upstream = upstream;
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
    return PrivacyService.start(vertx, config, upstream, reindex)
        .compose(privacy -> listen(vertx, config, authenticator, dispatcher(config, privacy, upstream))
            .map(listeners -> new Scopegate(
                config, upstream, authenticator, privacy, listeners.http(), listeners.ipc()))
            .onFailure(e -> privacy.stop()))
        .onSuccess(Scopegate::logListening)
        .onFailure(e -> upstream.close().eventually(authenticator::close));
  }

  private record Listeners(HttpServer http, Optional<IpcTransport> ipc) {}

  /** HTTP, then IPC if configured; a configured IPC that cannot be served fails the start. */
  private static Future<Listeners> listen(
      Vertx vertx, Config config, Authenticator authenticator, Dispatcher dispatcher) {
    return HttpTransport.start(vertx, config.server(), authenticator, dispatcher)
        .compose(http -> {
          if (config.ipc().path().isEmpty()) {
            return Future.succeededFuture(new Listeners(http, Optional.empty()));
          }
          RequestDecoder decoder = new RequestDecoder(config.server().maxBatchSize());
          return IpcTransport.start(vertx, config.ipc(), decoder, dispatcher)
              .map(ipc -> new Listeners(http, Optional.of(ipc)))
              .recover(e -> http.close().transform(closed -> Future.<Listeners>failedFuture(e)));
        });
  }

  private static Dispatcher dispatcher(Config config, PrivacyService privacy, Upstream upstream) {
    GuardContext context = new GuardContext(
        privacy.resolver(), privacy.pinner(), privacy.node(), privacy::capabilities, privacy.tessera());
    FilterIds filterIds = FilterIds.fromConfig(config.server().filterIdSecret());
    return new Dispatcher(
        new Policy(PolicyTable.standard(IsolationRules.create(context, filterIds))), upstream);
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
        .eventually(authenticator::close)
        .eventually(upstream::close);
  }
}
