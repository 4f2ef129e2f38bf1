package dev.scopegate.transport.http;

import dev.scopegate.config.Config;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.file.FileProps;
import io.vertx.core.http.HttpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the TLS files and hands changed certificates to the running server: new connections
 * use them, open ones keep theirs. A change that does not load (a key written before its
 * certificate, say) keeps the certificate in force and is retried at the next change.
 */
public final class TlsReloader {
  private static final Logger LOG = LoggerFactory.getLogger(TlsReloader.class);
  static final Duration POLL = Duration.ofMillis(500);

  private final Vertx vertx;
  private final HttpServer server;
  private final Config.Tls tls;
  private final long timer;
  private volatile List<String> stamp;

  private TlsReloader(Vertx vertx, HttpServer server, Config.Tls tls, List<String> first) {
    this.vertx = vertx;
    this.server = server;
    this.tls = tls;
    this.stamp = first;
    this.timer = vertx.setPeriodic(POLL.toMillis(), id -> poll());
  }

  /** Starts watching {@code tls}'s files for {@code server}. */
  public static Future<TlsReloader> watch(Vertx vertx, HttpServer server, Config.Tls tls) {
    return stamp(vertx, tls).map(first -> new TlsReloader(vertx, server, tls, first));
  }

  public void stop() {
    vertx.cancelTimer(timer);
  }

  private void poll() {
    stamp(vertx, tls).onSuccess(next -> {
      if (next.equals(stamp)) {
        return;
      }
      stamp = next;
      ServerTls.read(vertx, tls)
          .compose(options -> server.updateSSLOptions(options, true))
          .onSuccess(updated -> LOG.info("TLS certificate reloaded from {}", tls.certFile().orElseThrow()))
          .onFailure(e -> LOG.warn("TLS files changed but do not load ({}); the certificate in force"
              + " stays until they do", e.getMessage()));
    });
  }

  private static Future<List<String>> stamp(Vertx vertx, Config.Tls tls) {
    List<Path> files = new ArrayList<>();
    tls.certFile().ifPresent(files::add);
    tls.keyFile().ifPresent(files::add);
    tls.clientCaFile().ifPresent(files::add);
    List<Future<FileProps>> props = files.stream()
        .map(f -> vertx.fileSystem().props(f.toString())).toList();
    return Future.all(props).map(all -> props.stream()
        .map(Future::result)
        .map(p -> p.lastModifiedTime() + ":" + p.size())
        .toList());
  }

  @Override
  public String toString() {
    return "TlsReloader[" + Objects.toString(tls.certFile().orElse(null)) + "]";
  }
}
