package dev.scopegate.observe;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What {@code /ready} asks: each check answers with a short detail, or fails with the reason the
 * server cannot serve yet. Every check runs at each request, bounded by a timeout, so a load
 * balancer sees the state of now, not of the last poll.
 */
public final class Readiness {
  /** One named check; its future succeeds with a detail ("ok", "lag 0") or fails with why not. */
  public record Check(String name, Supplier<Future<String>> probe) {}

  /** The outcome: ready when every check passed; each check's detail or reason by name. */
  public record Report(boolean ready, Map<String, String> checks) {}

  /** Nothing to check: always ready (servers without a node, in tests). */
  public static final Readiness ALWAYS = new Readiness(null, List.of(), Duration.ZERO);

  private final Vertx vertx;
  private final List<Check> checks;
  private final Duration timeout;

  public Readiness(Vertx vertx, List<Check> checks, Duration timeout) {
    this.vertx = vertx;
    this.checks = List.copyOf(checks);
    this.timeout = timeout;
  }

  public Future<Report> check() {
    List<Future<String>> outcomes = checks.stream().map(this::bounded).toList();
    return Future.join(outcomes).transform(done -> {
      Map<String, String> details = new LinkedHashMap<>();
      boolean ready = true;
      for (int i = 0; i < checks.size(); i++) {
        Future<String> outcome = outcomes.get(i);
        ready &= outcome.succeeded();
        details.put(checks.get(i).name(), outcome.succeeded()
            ? outcome.result()
            : "not ready: " + reason(outcome.cause()));
      }
      return Future.succeededFuture(new Report(ready, details));
    });
  }

  private Future<String> bounded(Check check) {
    Promise<String> result = Promise.promise();
    long timer = vertx.setTimer(Math.max(1, timeout.toMillis()),
        t -> result.tryFail("no answer within " + timeout.toMillis() + " ms"));
    Future<String> probe;
    try {
      probe = check.probe().get();
    } catch (RuntimeException e) {
      probe = Future.failedFuture(e);
    }
    probe.onComplete(done -> {
      vertx.cancelTimer(timer);
      if (done.succeeded()) {
        result.tryComplete(done.result());
      } else {
        result.tryFail(done.cause());
      }
    });
    return result.future();
  }

  private static String reason(Throwable cause) {
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
