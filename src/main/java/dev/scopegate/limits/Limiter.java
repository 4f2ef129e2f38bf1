package dev.scopegate.limits;

import dev.scopegate.auth.Principal;
import dev.scopegate.config.Config;
import dev.scopegate.jsonrpc.RpcCall;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.pipeline.CallGate;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Limits before the policy, for every transport: per caller (a tenant by tenant id, else {@code
 * sub}; an operator by how it came in) calls per second, calls in flight and cost per second, and
 * per call the block range of a logs query and the tracer timeout of a trace. The calls of a body are checked in order, each on its
 * own, so a refused call leaves the rest of its batch to proceed. A refused call costs the
 * requests it was checked against; it holds no slot.
 */
public final class Limiter implements CallGate {
  /** What to tell a caller refused for concurrency: slots come back as calls end, unknown when. */
  static final long CONCURRENT_RETRY_MILLIS = 1000;

  private final Config.Limits config;
  private final BucketStore store;
  private final Supplier<Future<Long>> head;
  private final LimitEvents events;
  private final InFlight inFlight;

  public Limiter(Config.Limits config, BucketStore store, Supplier<Future<Long>> head, LimitEvents events) {
    this(config, store, head, events, new InFlight());
  }

  /** Counting calls in flight in {@code inFlight} (which metrics read). */
  public Limiter(Config.Limits config, BucketStore store, Supplier<Future<Long>> head, LimitEvents events,
      InFlight inFlight) {
    this.config = config;
    this.store = store;
    this.head = head;
    this.events = events;
    this.inFlight = inFlight;
  }

  /** The name a caller is counted under in metrics: its tenant id (else sub), or operator:<how>. */
  public static String caller(Principal principal) {
    return principal.isOperator()
        ? "operator:" + principal.subject()
        : principal.tenantId().orElse(principal.subject());
  }

  /**
   * The key a caller's buckets and slots are kept under; tenants and operators apart, so a token
   * whose sub is "operator:ipc" never shares the operators' budget.
   */
  static String key(Principal principal) {
    return (principal.isOperator() ? "operator/" : "tenant/") + (principal.isOperator()
        ? principal.subject() : principal.tenantId().orElse(principal.subject()));
  }

  @Override
  public Future<Admission> admit(Principal principal, List<RpcCall> calls) {
    LimitSet limits = principal.isOperator() ? config.operator() : principal.limits().over(config.tenant());
    long maxRange = principal.isOperator() ? 0 : config.maxLogsBlockRange();
    long traceCap = principal.isOperator() ? config.operatorMaxTraceTimeout().toNanos()
        : principal.limits().maxTraceTimeoutNanos(config.maxTraceTimeout().toNanos());
    if (limits.off() && maxRange == 0 && traceCap == 0) {
      return Future.succeededFuture(Admission.ALL);
    }
    Body body = new Body(key(principal), caller(principal), limits, maxRange, traceCap, calls.size());
    Future<Void> checked = Future.succeededFuture();
    for (int i = 0; i < calls.size(); i++) {
      int index = i;
      if (calls.get(i) instanceof RpcRequest request) {
        checked = checked.compose(v -> check(body, index, request));
      }
    }
    return checked.map(v -> (Admission) body)
        .onFailure(e -> body.release());
  }

  private Future<Void> check(Body body, int index, RpcRequest request) {
    return traceTimeout(body, index, request)
        .compose(v -> cost(body, request))
        .compose(cost -> {
          boolean slot = body.limits.concurrent() > 0;
          if (slot && !inFlight.tryAcquire(body.key, body.limits.concurrent())) {
            return refuse(body, index, Limit.CONCURRENT, CONCURRENT_RETRY_MILLIS);
          }
          if (slot) {
            body.held++;
            events.holding(body.key, body.caller);
          }
          return budgets(body, cost).transform(done -> {
            Optional<RpcException> refusal = done.succeeded() ? done.result()
                : Optional.of(RpcError.LIMITS_UNAVAILABLE.exception());
            if (refusal.isPresent()) {
              if (slot) {
                body.held--;
                inFlight.release(body.key);
              }
              body.refusals[index] = refusal.get();
            }
            return Future.<Void>succeededFuture();
          });
        })
        .recover(e -> {
          body.refusals[index] = e instanceof RpcException known ? known : RpcError.INTERNAL_ERROR.exception();
          return Future.succeededFuture();
        });
  }

  /** A trace call's timeout held to the cap: refused over it, the cap written in where none is asked. */
  private Future<Void> traceTimeout(Body body, int index, RpcRequest request) {
    if (body.traceCap == 0 || !TraceTimeout.POSITIONS.containsKey(request.method())) {
      return Future.succeededFuture();
    }
    try {
      body.admitted[index] = TraceTimeout.capped(request, body.traceCap);
      return Future.succeededFuture();
    } catch (RpcException e) {
      if (e.error() == RpcError.TRACE_TIMEOUT_EXCEEDED) {
        events.refused(body.caller, Limit.MAX_TRACE_TIMEOUT);
      }
      return Future.failedFuture(e);
    }
  }

  /** The call's cost; for a logs query, its range checked first (fails with the refusal). */
  private Future<Long> cost(Body body, RpcRequest request) {
    String method = request.method();
    if (!LogsRange.METHODS.contains(method) || (body.maxRange == 0 && body.limits.costPerSecond() == 0)) {
      return Future.succeededFuture(MethodCosts.of(method));
    }
    return LogsRange.blocks(request, head).compose(blocks -> {
      if (body.maxRange > 0 && blocks > body.maxRange) {
        events.refused(body.caller, Limit.MAX_LOGS_BLOCK_RANGE);
        return Future.failedFuture(RpcError.LOGS_RANGE_EXCEEDED.withData(
            "maxLogsBlockRange: the query spans " + blocks + " blocks, at most " + body.maxRange
                + " are allowed; query smaller ranges"));
      }
      return Future.succeededFuture(MethodCosts.of(method, blocks));
    });
  }

  /** Requests then cost; the refusal if either bucket lacks the tokens. */
  private Future<Optional<RpcException>> budgets(Body body, long cost) {
    LimitSet limits = body.limits;
    Future<Take> requests = limits.requestsPerSecond() == 0 ? Future.succeededFuture(Take.GRANTED)
        : store.take(body.key + "/requests", limits.requestsPerSecond(), limits.requestsCapacity(), 1);
    return requests.compose(taken -> {
      if (!taken.granted()) {
        return Future.succeededFuture(Optional.of(refusal(body, Limit.REQUESTS_PER_SECOND, taken.retryAfterMillis())));
      }
      if (limits.costPerSecond() == 0) {
        return Future.succeededFuture(Optional.<RpcException>empty());
      }
      // a call dearer than a whole second's budget takes all of it rather than never passing
      long amount = Math.min(cost, limits.costPerSecond());
      return store.take(body.key + "/cost", limits.costPerSecond(), limits.costPerSecond(), amount)
          .map(spent -> spent.granted() ? Optional.<RpcException>empty()
              : Optional.of(refusal(body, Limit.COST_PER_SECOND, spent.retryAfterMillis())));
    });
  }

  private Future<Void> refuse(Body body, int index, Limit limit, long retryAfterMillis) {
    body.refusals[index] = refusal(body, limit, retryAfterMillis);
    return Future.succeededFuture();
  }

  private RpcException refusal(Body body, Limit limit, long retryAfterMillis) {
    events.refused(body.caller, limit);
    body.retryAfterMillis = Math.max(body.retryAfterMillis, retryAfterMillis);
    return RpcError.LIMIT_EXCEEDED.exception(limit.key(),
        limit.key() + ": retry after " + retryAfterMillis + " ms");
  }

  /** One body's refusals and the slots it holds until it is answered. */
  private final class Body implements Admission {
    final String key;
    final String caller;
    final LimitSet limits;
    final long maxRange;
    final long traceCap;
    final RpcException[] refusals;
    final RpcRequest[] admitted;
    final AtomicBoolean released = new AtomicBoolean();
    int held;
    long retryAfterMillis;

    Body(String key, String caller, LimitSet limits, long maxRange, long traceCap, int size) {
      this.key = key;
      this.caller = caller;
      this.limits = limits;
      this.maxRange = maxRange;
      this.traceCap = traceCap;
      this.refusals = new RpcException[size];
      this.admitted = new RpcRequest[size];
    }

    @Override
    public RpcRequest admitted(int index, RpcRequest sent) {
      return admitted[index] != null ? admitted[index] : sent;
    }

    @Override
    public Optional<RpcException> refusal(int index) {
      return Optional.ofNullable(refusals[index]);
    }

    @Override
    public long retryAfterMillis() {
      return retryAfterMillis;
    }

    @Override
    public void release() {
      if (released.compareAndSet(false, true)) {
        for (int i = 0; i < held; i++) {
          inFlight.release(key);
        }
      }
    }
  }
}
