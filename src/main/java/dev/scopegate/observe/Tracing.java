package dev.scopegate.observe;

import dev.scopegate.config.Config;
import dev.scopegate.pipeline.CallTracer;
import io.opentelemetry.api.common.AttributeKey;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * OpenTelemetry for the calls ({@code tracing.*}): off (no SDK, nothing created) unless an OTLP
 * endpoint is set. Spans go out in batches from the SDK's own thread, never the event loop's.
 */
public final class Tracing {
  public static final Tracing OFF = new Tracing(Optional.empty());

  static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

  private final Optional<SdkTracerProvider> provider;

  private Tracing(Optional<SdkTracerProvider> provider) {
    this.provider = provider;
  }

  public static Tracing of(Config.Tracing config) {
    return config.otlpEndpoint()
        .map(endpoint -> with(
            BatchSpanProcessor.builder(
                OtlpHttpSpanExporter.builder().setEndpoint(endpoint.toString()).build()).build(),
            config))
        .orElse(OFF);
  }

  /** Spans handed to {@code processor} (tests: a simple processor over an in-memory exporter). */
  public static Tracing with(SpanProcessor processor, Config.Tracing config) {
    return new Tracing(Optional.of(SdkTracerProvider.builder()
        .setResource(Resource.getDefault().merge(
            Resource.create(Attributes.of(SERVICE_NAME, config.serviceName()))))
        .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(config.sampleRatio())))
        .addSpanProcessor(processor)
        .build()));
  }

  /** The tracer for one transport's calls; {@link CallTracer#NONE} when tracing is off. */
  public CallTracer calls(String transport, Predicate<String> knownMethod) {
    return provider.<CallTracer>map(p -> new CallSpans(
            p.get("dev.scopegate"), W3CTraceContextPropagator.getInstance(), transport, knownMethod))
        .orElse(CallTracer.NONE);
  }

  /** Exports what is left and stops; completes when the SDK has (never waits on the event loop). */
  public Future<Void> close() {
    if (provider.isEmpty()) {
      return Future.succeededFuture();
    }
    Promise<Void> closed = Promise.promise();
    var result = provider.get().shutdown();
    result.whenComplete(() -> closed.tryComplete());
    return closed.future();
  }

}
