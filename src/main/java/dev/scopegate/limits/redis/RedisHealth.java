package dev.scopegate.limits.redis;

import dev.scopegate.upstream.Backoff;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Redis answers. On the first failure it is down: checks stop asking it (no storm of
 * connection attempts, one per call) and one probe ({@code PING}) asks again after a doubling
 * wait, until it answers. Logs once on loss and once on recovery, naming Redis by host and port
 * only (the URL may hold a password).
 */
final class RedisHealth {
  private static final Logger LOG = LoggerFactory.getLogger(RedisHealth.class);

  private final Vertx vertx;
  private final LoopRedis redis;
  private final String where;
  private final RedisStoreOptions options;
  private final String onFailure;
  private final Backoff backoff;
  private final AtomicBoolean up = new AtomicBoolean(true);
  private volatile boolean closed;

  RedisHealth(Vertx vertx, LoopRedis redis, String where, RedisStoreOptions options, RedisFailurePolicy onFailure) {
    this.vertx = vertx;
    this.redis = redis;
    this.where = where;
    this.options = options;
    this.onFailure = onFailure == RedisFailurePolicy.LOCAL
        ? "each replica now enforces limits alone" : "calls are refused until it answers";
    this.backoff = new Backoff(options.probeFirst(), options.probeMax());
  }

  boolean up() {
    return up.get();
  }

  /** A check failed: the first failure of a loss logs it and starts probing. */
  void failed(RedisFailure reason) {
    if (!closed && up.compareAndSet(true, false)) {
      LOG.warn("Redis for shared limits at {} lost ({}); {}", where, reason.tag(), onFailure);
      probeLater();
    }
  }

  void close() {
    closed = true;
  }

  // Only one probe chain runs (started by the one failure that saw Redis up), so the backoff
  // has one owner at a time.
  private void probeLater() {
    vertx.setTimer(backoff.next(), id -> probe());
  }

  private void probe() {
    if (closed) {
      return;
    }
    redis.current().send(Request.cmd(Command.PING)).timeout(options.timeout().toMillis(), TimeUnit.MILLISECONDS)
        .onComplete(answer -> {
          if (closed) {
            return;
          }
          if (answer.succeeded()) {
            backoff.reset();
            up.set(true);
            LOG.info("Redis for shared limits at {} answers again; limits are shared again", where);
          } else {
            probeLater();
          }
        });
  }
}
