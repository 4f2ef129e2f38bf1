package dev.scopegate.auth;

import dev.scopegate.jsonrpc.RpcError;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issuer keys from a JWKS URL. Loaded at start, retried with backoff until they load (tokens wait
 * for a fetch under way and are refused as unavailable between retries), and refetched when a token names an unknown key id: at once the
 * first time (the fetch at start does not count, so a key rotated right after start is found),
 * then at most once per {@code minRefetch}, so unknown ids cannot make Scopegate hammer the
 * identity provider.
 * Refreshed every {@link #REFRESH_EVERY} as well, so that a withdrawn key stops being trusted.
 */
final class JwksKeySource implements KeySource {
  private static final Logger LOG = LoggerFactory.getLogger(JwksKeySource.class);
  private static final Duration MIN_DELAY = Duration.ofMillis(10);
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  /** Keys the identity provider withdraws stop being trusted within this time. */
  static final Duration REFRESH_EVERY = Duration.ofMinutes(5);

  private final Vertx vertx;
  private final KeySetFetcher fetcher;
  private final Duration minRefetch;
  private final Clock clock;
  private final Promise<Void> loaded = Promise.promise();
  private final AtomicReference<KeyRing> ring = new AtomicReference<>();
  private final AtomicReference<Future<KeyRing>> inflight = new AtomicReference<>();
  /** When a token's unknown key id last caused a fetch; none yet after start. */
  private volatile Optional<Instant> lastUnknownKidFetch = Optional.empty();
  private volatile long retryTimer = -1;
  private volatile long refreshTimer = -1;
  private volatile boolean closed;
  private volatile boolean downReported;

  JwksKeySource(Vertx vertx, KeySetFetcher fetcher, Duration minRefetch, Clock clock) {
    this(vertx, fetcher, minRefetch, clock, REFRESH_EVERY);
  }

  JwksKeySource(
      Vertx vertx, KeySetFetcher fetcher, Duration minRefetch, Clock clock, Duration refreshEvery) {
    this.vertx = vertx;
    this.fetcher = fetcher;
    this.minRefetch = minRefetch;
    this.clock = clock;
    load(clamp(minRefetch, MIN_DELAY, FIRST_BACKOFF));
    refreshTimer =
        vertx.setPeriodic(
            refreshEvery.toMillis(),
            id ->
                refresh()
                    .onFailure(
                        e ->
                            LOG.warn(
                                "{}: refresh failed ({}); keeping the keys in force",
                                fetcher.describe(),
                                e.getMessage())));
  }

  @Override
  public Future<KeyRing> keysFor(Optional<String> kid) {
    KeyRing current = ring.get();
    if (current == null) {
      // No keys yet. A token that arrives while a fetch is under way (the first one, at start)
      // waits for it, bounded by the fetch's own timeout, instead of losing a race with the start;
      // between the retries of a provider that is down it is refused at once.
      Future<KeyRing> loading = inflight.get();
      if (loading == null) {
        return Future.failedFuture(RpcError.VERIFIER_UNAVAILABLE.exception());
      }
      return loading.recover(e -> Future.failedFuture(RpcError.VERIFIER_UNAVAILABLE.exception()));
    }
    if (kid.isEmpty() || current.knows(kid.get()) || !mayRefetch()) {
      return Future.succeededFuture(current);
    }
    LOG.debug("token names a key id not in the key set; refetching {}", fetcher.describe());
    lastUnknownKidFetch = Optional.of(clock.instant());
    return refresh().recover(e -> Future.failedFuture(RpcError.VERIFIER_UNAVAILABLE.exception()));
  }

  @Override
  public Future<Optional<KeyRing>> newerThan(KeyRing used) {
    if (!mayRefetch()) {
      return Future.succeededFuture(Optional.empty());
    }
    lastUnknownKidFetch = Optional.of(clock.instant());
    return refresh()
        .map(next -> next == used ? Optional.<KeyRing>empty() : Optional.of(next))
        .otherwise(Optional.empty());
  }

  /** Completes when keys first load. */
  Future<Void> loaded() {
    return loaded.future();
  }

  @Override
  public Future<Void> close() {
    closed = true;
    vertx.cancelTimer(retryTimer);
    vertx.cancelTimer(refreshTimer);
    fetcher.close();
    return Future.succeededFuture();
  }

  private void load(Duration backoff) {
    if (closed) {
      return;
    }
    refresh()
        .onSuccess(
            r -> {
              if (loaded.tryComplete() && downReported) {
                LOG.info("{}: reachable again; tokens are verified", fetcher.describe());
              }
            })
        .onFailure(
            e -> {
              // reported once; the retries that follow only at debug, so a provider that is
              // down for hours does not flood the log
              if (!downReported) {
                downReported = true;
                LOG.warn(
                    "{} unavailable ({}); tokens are refused until it loads; retrying with backoff"
                        + " up to {}",
                    fetcher.describe(),
                    e.getMessage(),
                    MAX_BACKOFF);
              } else {
                LOG.debug("{} still unavailable ({}); retrying in {}",
                    fetcher.describe(), e.getMessage(), backoff);
              }
              if (!closed) {
                Duration next = clamp(backoff.multipliedBy(2), MIN_DELAY, MAX_BACKOFF);
                retryTimer = vertx.setTimer(backoff.toMillis(), id -> load(next));
              }
            });
  }

  /** One fetch at a time: callers arriving during a fetch share it. */
  private Future<KeyRing> refresh() {
    Promise<KeyRing> promise = Promise.promise();
    Future<KeyRing> running = inflight.compareAndExchange(null, promise.future());
    if (running != null) {
      return running;
    }
    fetcher
        .fetch()
        .map(this::install)
        .onComplete(
            result -> {
              inflight.set(null);
              promise.handle(result);
            });
    return promise.future();
  }

  private KeyRing install(List<VerificationKey> keys) {
    KeyRing current = ring.get();
    if (current != null && current.holds(keys)) {
      return current;
    }
    KeyRing next = KeyRing.of(vertx, keys);
    ring.set(next);
    LOG.info("{}: {} keys in force, key ids {}", fetcher.describe(), keys.size(), next.kids());
    return next;
  }

  private boolean mayRefetch() {
    return lastUnknownKidFetch.map(last -> !clock.instant().isBefore(last.plus(minRefetch)))
        .orElse(true);
  }

  private static Duration clamp(Duration d, Duration min, Duration max) {
    return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
  }
}
