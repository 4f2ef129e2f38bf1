package dev.scopegate.observe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcCall;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.jsonrpc.RpcResponse;
import dev.scopegate.pipeline.CallObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code scopegate_calls_total{transport, principal, method, result}} for every call and
 * {@code scopegate_request_duration_seconds{transport, principal}} for every body. {@code result}
 * is {@code ok}, {@code notification}, or the JSON-RPC error code — Scopegate's own codes and
 * the standard ones; any other code a node sends counts as {@code other}.
 */
final class CallMetrics implements CallObserver {
  /** Scopegate's codes, and JSON-RPC's "method not found" that nodes answer. */
  private static final Set<Integer> KNOWN_CODES =
      Stream.concat(Arrays.stream(RpcError.values()).map(RpcError::code), Stream.of(-32601))
          .collect(Collectors.toUnmodifiableSet());
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
    Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
    Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)
  };

  /** One counted series; its labels are bounded, so the cache of counters is too. */
  private record Series(Principal.Kind principal, String method, String result) {}

  private final MeterRegistry registry;
  private final String transport;
  private final Predicate<String> knownMethod;
  // Per call, a map lookup: a meter built and registered anew for each call would cost far more.
  private final Map<Series, Counter> counters = new ConcurrentHashMap<>();
  private final Map<Principal.Kind, Timer> durations = new EnumMap<>(Principal.Kind.class);
  private final Map<Principal.Kind, Timer> upstreamDurations = new EnumMap<>(Principal.Kind.class);
  private final Map<RpcError, Counter> denials = new EnumMap<>(RpcError.class);
  /** Multiple private states: calls by PSI, at most 256 labels (then "other"). */
  private final BoundedCounters byPsi;
  /** Tenants' calls by tenant id (else the token's subject), at most 1000 labels (then "other"). */
  private final BoundedCounters byTenant;

  CallMetrics(MeterRegistry registry, String transport, Predicate<String> knownMethod) {
    this.registry = registry;
    this.transport = transport;
    this.knownMethod = knownMethod;
    this.byPsi = new BoundedCounters(registry, "scopegate.psi.calls",
        "JSON-RPC calls routed to a private state (multiple private states), by transport and PSI",
        transport, "psi", 256);
    this.byTenant = new BoundedCounters(registry, "scopegate.tenant.calls",
        "Tenants' JSON-RPC calls, by transport and tenant (tenant id, else the token's subject;"
            + " after 1000 tenants: other)", transport, "tenant", 1000);
    for (Principal.Kind kind : Principal.Kind.values()) {
      durations.put(kind, Timer.builder("scopegate.request.duration")
          .description("Time from reading a request body (call or batch) to its answer")
          .tag("transport", transport)
          .tag("principal", label(kind))
          .serviceLevelObjectives(BUCKETS)
          .register(registry));
      upstreamDurations.put(kind, Timer.builder("scopegate.upstream.duration")
          .description("Time the node took to answer one forward (a call or a batch), apart from Scopegate's own work")
          .tag("transport", transport)
          .tag("principal", label(kind))
          .serviceLevelObjectives(BUCKETS)
          .register(registry));
    }
    for (RpcError error : RpcError.values()) {
      denials.put(error, Counter.builder("scopegate.denials")
          .description("Calls Scopegate refused itself (policy, guard or filter), by reason")
          .tag("transport", transport)
          .tag("reason", Reasons.of(error))
          .register(registry));
    }
  }

  @Override
  public void dispatched(Dispatch d) {
    dispatched(d.principal(), d.calls(), d.answers(), d.nanos());
    if (d.upstreamNanos() >= 0) {
      upstreamDurations.get(d.principal().kind()).record(d.upstreamNanos(), TimeUnit.NANOSECONDS);
    }
    d.refusals().forEach(refusal -> refusal.ifPresent(r -> denials.get(r).increment()));
  }

  @Override
  public void dispatched(
      Principal principal, List<RpcCall> calls, List<RpcResponse> answers, long nanos) {
    for (int i = 0; i < calls.size(); i++) {
      Series series = new Series(principal.kind(), method(calls.get(i)), result(answers.get(i)));
      counters.computeIfAbsent(series, this::counter).increment();
    }
    durations.get(principal.kind()).record(nanos, TimeUnit.NANOSECONDS);
    principal.psi().ifPresent(psi -> byPsi.of(psi).increment(calls.size()));
    if (!principal.isOperator()) {
      byTenant.of(principal.tenantId().orElse(principal.subject())).increment(calls.size());
    }
  }

  private Counter counter(Series series) {
    return Counter.builder("scopegate.calls")
        .description("JSON-RPC calls answered, by transport, principal kind, method and result")
        .tag("transport", transport)
        .tag("principal", label(series.principal()))
        .tag("method", series.method())
        .tag("result", series.result())
        .register(registry);
  }

  private static String label(Principal.Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  private String method(RpcCall call) {
    if (!(call instanceof RpcRequest request)) {
      return "invalid";
    }
    return knownMethod.test(request.method()) ? request.method() : "other";
  }

  private static String result(RpcResponse answer) {
    if (answer == null) {
      return "notification";
    }
    if (!answer.isError()) {
      return "ok";
    }
    JsonNode code = answer.error().path("code");
    return code.canConvertToInt() && KNOWN_CODES.contains(code.intValue())
        ? Integer.toString(code.intValue())
        : "other";
  }
}
