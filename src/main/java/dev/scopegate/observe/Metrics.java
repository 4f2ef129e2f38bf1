package dev.scopegate.observe;

import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.pipeline.CallObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The server's Prometheus registry (Micrometer): calls by transport, principal kind, method and
 * result; how long bodies take; refused credentials; gauges the server registers (connections,
 * the privacy index); and the JVM's own figures. One per server, so servers in one JVM (tests)
 * never mix their counts. Labels are bounded: no tenant ids, addresses or tokens, and a method
 * outside the policy table counts as {@code other}.
 */
public final class Metrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  public Metrics() {
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** What observes the calls of one transport ({@code http}, {@code ws}, {@code ipc}). */
  public CallObserver calls(String transport, Predicate<String> knownMethod) {
    return new CallMetrics(registry, transport, knownMethod);
  }

  /** Counts the credentials a transport refused, by reason ({@code missing_token}, …). */
  public Consumer<RpcError> authRefusals(String transport) {
    return error ->
        Counter.builder("scopegate.auth.refusals")
            .description("Requests refused before any call was read: missing, invalid or expired credentials")
            .tag("transport", transport)
            .tag("reason", error.name().toLowerCase(Locale.ROOT))
            .register(registry)
            .increment();
  }

  /** Hits, misses, size and evictions of each cache ({@code cache_gets_total{cache, result}}, …). */
  public void caches(java.util.Map<String, com.github.benmanes.caffeine.cache.Cache<?, ?>> caches) {
    caches.forEach((name, cache) -> io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics
        .monitor(registry, cache, name));
  }

  /**
   * Counts a connection accepted, labelled with the event loop (thread) that serves it, to be run
   * on that loop: shows how a listener's connections spread over its event loops (as many labels
   * as event loops).
   */
  public Runnable connectionAccepted(String transport) {
    return () -> Counter.builder("scopegate.connections.accepted")
        .description("Connections accepted, by the event loop that serves them")
        .tag("transport", transport)
        .tag("loop", Thread.currentThread().getName())
        .register(registry)
        .increment();
  }

  /** A value read at each scrape. */
  public <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
    Gauge.builder(name, source, value).description(description).register(registry);
  }

  /** Everything, in the Prometheus text format 0.0.4. */
  /** Refusals by caller and limit, and each caller's calls in flight as {@code inFlight} counts them. */
  public dev.scopegate.limits.LimitEvents limits(dev.scopegate.limits.InFlight inFlight) {
    return new LimitMetrics(registry, inFlight);
  }

  /** The registry itself, for parts that publish their own meters (the Redis bucket store). */
  public io.micrometer.core.instrument.MeterRegistry registry() {
    return registry;
  }

  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
