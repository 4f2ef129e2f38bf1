package dev.scopegate;

import dev.scopegate.auth.Authenticator;
import dev.scopegate.config.Config;
import dev.scopegate.pipeline.Dispatcher;
import dev.scopegate.policy.Policy;
import dev.scopegate.policy.PolicyTable;
import dev.scopegate.transport.http.HttpTransport;
import dev.scopegate.upstream.HttpUpstream;
import dev.scopegate.upstream.Upstream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.Map;
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
  private final HttpServer http;

  private Scopegate(Config config, Upstream upstream, Authenticator authenticator, HttpServer http) {
    this.config = config;
    this.upstream = upstream;
    this.authenticator = authenticator;
    this.http = http;
  }

  public static Future<Scopegate> start(Vertx vertx, Config config) {
    Authenticator authenticator = Authenticator.create(vertx, config.auth());
    Upstream upstream =
        new HttpUpstream(vertx, config.upstream().http(), config.upstream().timeout());
    Dispatcher dispatcher =
        new Dispatcher(new Policy(PolicyTable.standard(Map.of())), upstream);
    return HttpTransport.start(vertx, config.server(), authenticator, dispatcher)
        .map(http -> new Scopegate(config, upstream, authenticator, http))
        .onSuccess(Scopegate::logListening)
        .onFailure(e -> upstream.close().eventually(authenticator::close));
  }

  /** The HTTP port actually bound (useful with port 0). */
  public int httpPort() {
    return http.actualPort();
  }

  public Config config() {
    return config;
  }

  private void logListening() {
    LOG.info(
        "scopegate listening: http on {}:{}, forwarding to {}",
        config.server().host(),
        httpPort(),
        config.upstream().http().getHost() + ":" + config.upstream().http().getPort());
  }

  public Future<Void> stop() {
    return http.close()
        .eventually(authenticator::close)
        .eventually(upstream::close);
  }
}
