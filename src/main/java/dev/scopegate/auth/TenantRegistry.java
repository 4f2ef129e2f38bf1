package dev.scopegate.auth;

import dev.scopegate.limits.LimitOverrides;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.file.FileProps;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenant registry ({@code auth.tenants}): tenant id → grants, for providers that cannot mint
 * GoQuorum scopes and for API-key callers acting as a tenant. The file is read at start (a bad
 * file stops startup) and again whenever its modification time or size changes; a reload that
 * fails keeps the grants in force and says why once per change.
 */
public final class TenantRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(TenantRegistry.class);
  static final Duration POLL = Duration.ofMillis(500);

  private record Loaded(Map<String, Scopes> tenants, Map<String, LimitOverrides> limits, long modified, long size) {}

  private final Vertx vertx;
  private final Path file;
  private final AtomicReference<Loaded> loaded;
  private final long timer;
  private volatile long failedStamp = -1;

  private TenantRegistry(Vertx vertx, Path file, Loaded first) {
    this.vertx = vertx;
    this.file = file;
    this.loaded = new AtomicReference<>(first);
    this.timer = vertx.setPeriodic(POLL.toMillis(), id -> poll());
  }

  /** Reads {@code file}; fails with the reason when it cannot be read or is not a registry. */
  public static Future<TenantRegistry> start(Vertx vertx, Path file) {
    return read(vertx, file)
        .map(first -> {
          LOG.info("tenant registry {}: {} tenants", file, first.tenants().size());
          return new TenantRegistry(vertx, file, first);
        })
        .recover(e -> Future.failedFuture(
            new IllegalArgumentException("auth.tenants " + file + ": " + e.getMessage())));
  }

  /** The grants registered for {@code tenantId}; empty for a tenant the file does not name. */
  public Optional<Scopes> grants(String tenantId) {
    return Optional.ofNullable(loaded.get().tenants().get(tenantId));
  }

  /** The limits registered for {@code tenantId}; none for a tenant without its own. */
  public LimitOverrides limits(String tenantId) {
    return loaded.get().limits().getOrDefault(tenantId, LimitOverrides.NONE);
  }

  public void close() {
    vertx.cancelTimer(timer);
  }

  private void poll() {
    vertx.fileSystem().props(file.toString()).onComplete(props -> {
      Loaded current = loaded.get();
      if (props.failed()) {
        report(-2, "cannot read it (" + props.cause().getMessage() + ")");
        return;
      }
      FileProps p = props.result();
      if (p.lastModifiedTime() == current.modified() && p.size() == current.size()) {
        return;
      }
      read(vertx, file).onSuccess(next -> {
        loaded.set(next);
        failedStamp = -1;
        LOG.info("tenant registry {} reloaded: {} tenants", file, next.tenants().size());
      }).onFailure(e -> report(p.lastModifiedTime() ^ p.size(), e.getMessage()));
    });
  }

  private void report(long stamp, String why) {
    if (stamp != failedStamp) {
      failedStamp = stamp;
      LOG.warn("tenant registry {}: {}; the grants loaded before stay in force", file, why);
    }
  }

  private static Future<Loaded> read(Vertx vertx, Path file) {
    return vertx.fileSystem().props(file.toString()).compose(props ->
        vertx.fileSystem().readFile(file.toString()).compose(bytes -> {
          try {
            TenantFile.Registered registered = TenantFile.read(bytes.getBytes());
            return Future.succeededFuture(new Loaded(
                registered.scopes(), registered.limits(), props.lastModifiedTime(), props.size()));
          } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
          }
        }));
  }
}
