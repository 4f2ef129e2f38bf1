package dev.scopegate.observe;

import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcCall;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.jsonrpc.RpcResponse;
import dev.scopegate.pipeline.CallObserver;
import dev.scopegate.pipeline.CallTracer;
import dev.scopegate.upstream.Answer;
import dev.scopegate.upstream.Upstream;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A span per call, named by its method (one the table does not know: {@code other}, so names
 * stay bounded), with the same fields an access line has and nothing else: never a token, a key,
 * a parameter or a result. The body's forward to the node is a child of its first call's span,
 * and its {@code traceparent} goes to the node with it.
 */
final class CallSpans implements CallTracer {
  static final AttributeKey<String> TRANSPORT = AttributeKey.stringKey("scopegate.transport");
  static final AttributeKey<String> PRINCIPAL = AttributeKey.stringKey("scopegate.principal");
  static final AttributeKey<String> TENANT = AttributeKey.stringKey("scopegate.tenant");
  static final AttributeKey<String> PSI = AttributeKey.stringKey("scopegate.psi");
  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("scopegate.outcome");
  static final AttributeKey<Long> BATCH = AttributeKey.longKey("scopegate.batch");
  static final AttributeKey<String> METHOD = AttributeKey.stringKey("rpc.method");
  static final AttributeKey<Long> CALLS = AttributeKey.longKey("scopegate.calls");

  private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  };

  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final String transport;
  private final Predicate<String> knownMethod;

  CallSpans(Tracer tracer, TextMapPropagator propagator, String transport, Predicate<String> knownMethod) {
    this.tracer = tracer;
    this.propagator = propagator;
    this.transport = transport;
    this.knownMethod = knownMethod;
  }

  @Override
  public Trace start(Principal principal, List<RpcCall> calls, Optional<String> traceparent) {
    // only the traceparent is read: tracestate and baggage are the client's text, not ours to pass on
    Context parent = traceparent
        .map(value -> propagator.extract(Context.root(), Map.of("traceparent", value), GETTER))
        .orElse(Context.root());
    List<Span> spans = new ArrayList<>(calls.size());
    for (RpcCall call : calls) {
      var span = tracer.spanBuilder(name(call))
          .setParent(parent)
          .setSpanKind(SpanKind.SERVER)
          .setAttribute(TRANSPORT, transport)
          .setAttribute(PRINCIPAL, CallFields.principal(principal))
          .setAttribute(TENANT, CallFields.who(principal))
          .setAttribute(METHOD, name(call))
          .setAttribute(BATCH, (long) calls.size());
      CallFields.psi(principal).ifPresent(psi -> span.setAttribute(PSI, psi));
      spans.add(span.startSpan());
    }
    return new BodyTrace(spans);
  }

  private String name(RpcCall call) {
    return call instanceof RpcRequest request && knownMethod.test(request.method()) ? request.method() : "other";
  }

  private final class BodyTrace implements Trace {
    private final List<Span> spans;

    BodyTrace(List<Span> spans) {
      this.spans = spans;
    }

    @Override
    public Upstream around(Upstream upstream) {
      Context parent = spans.isEmpty() ? Context.root() : Context.root().with(spans.get(0));
      return new Upstream() {
        @Override
        public Future<List<Answer>> forward(List<RpcRequest> requests) {
          return forward(requests, Map.of());
        }

        @Override
        public Future<List<Answer>> forward(List<RpcRequest> requests, Map<String, String> headers) {
          if (requests.isEmpty()) {
            return upstream.forward(requests, headers);
          }
          Span span = tracer.spanBuilder("forward")
              .setParent(parent)
              .setSpanKind(SpanKind.CLIENT)
              .setAttribute(TRANSPORT, transport)
              .setAttribute(CALLS, (long) requests.size())
              .startSpan();
          Map<String, String> traced = new HashMap<>(headers);
          propagator.inject(Context.root().with(span), traced, Map::put);
          return upstream.forward(requests, Map.copyOf(traced))
              .onComplete(done -> {
                if (done.failed()) {
                  span.setStatus(StatusCode.ERROR, "upstream failed");
                }
                span.end();
              });
        }

        @Override
        public Future<Void> close() {
          return upstream.close();
        }
      };
    }

    @Override
    public void ended(CallObserver.Dispatch d) {
      for (int i = 0; i < spans.size(); i++) {
        Span span = spans.get(i);
        RpcResponse answer = d.answers().get(i);
        String outcome = d.refusals().get(i)
            .map(r -> "refused " + Reasons.of(r))
            .orElse(CallFields.outcome(answer));
        span.setAttribute(OUTCOME, outcome);
        if (answer != null && answer.isError()) {
          span.setStatus(StatusCode.ERROR, outcome);
        }
        span.end();
      }
    }
  }
}
