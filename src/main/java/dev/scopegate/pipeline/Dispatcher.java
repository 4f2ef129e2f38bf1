package dev.scopegate.pipeline;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcCall;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.jsonrpc.RpcResponse;
import dev.scopegate.policy.Decision;
import dev.scopegate.policy.Policy;
import dev.scopegate.upstream.Answer;
import dev.scopegate.upstream.Upstream;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one pipeline every transport uses: each call passes the policy on its own (forwarded,
 * answered here, or refused); the forwarded calls go to the node together; each answer passes
 * its response filter; answers come back in request order. A refused call never reaches the
 * node and never holds up the rest of its batch.
 */
public final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  private final Policy policy;
  private final Upstream upstream;
  private final CallObserver observer;
  private final CallTracer tracer;
  private final CallGate gate;

  public Dispatcher(Policy policy, Upstream upstream) {
    this(policy, upstream, CallObserver.NONE);
  }

  public Dispatcher(Policy policy, Upstream upstream, CallObserver observer) {
    this(policy, upstream, observer, CallTracer.NONE);
  }

  public Dispatcher(Policy policy, Upstream upstream, CallObserver observer, CallTracer tracer) {
    this(policy, upstream, observer, tracer, CallGate.OPEN);
  }

  /** With {@code gate} (limits) before the policy. */
  public Dispatcher(Policy policy, Upstream upstream, CallObserver observer, CallTracer tracer, CallGate gate) {
    this.policy = policy;
    this.upstream = upstream;
    this.observer = observer;
    this.tracer = tracer;
    this.gate = gate;
  }

  /** The same pipeline, observed, traced and gated the same way, forwarding to {@code other}. */
  public Dispatcher via(Upstream other) {
    return new Dispatcher(policy, other, observer, tracer, gate);
  }

  public Future<Reply> dispatch(Principal principal, List<RpcCall> calls) {
    return dispatch(principal, calls, Optional.empty());
  }

  /** The same, continuing the client's trace ({@code traceparent}) when tracing is on. */
  public Future<Reply> dispatch(Principal principal, List<RpcCall> calls, Optional<String> traceparent) {
    long start = System.nanoTime();
    CallTracer.Trace trace = tracer.start(principal, calls, traceparent);
    Future<CallGate.Admission> admitted = gate.admit(principal, calls);
    if (admitted.succeeded()) {
      // as compose would: a guard that throws fails this dispatch, it does not escape the caller
      try {
        return decide(principal, calls, admitted.result(), start, trace);
      } catch (RuntimeException e) {
        admitted.result().release();
        return Future.failedFuture(e);
      }
    }
    return admitted
        .recover(e -> Future.succeededFuture(refusingAll(rpcError(e))))
        .compose(admission -> decide(principal, calls, admission, start, trace));
  }

  private Future<Reply> decide(Principal principal, List<RpcCall> calls, CallGate.Admission admission,
      long start, CallTracer.Trace trace) {
    List<Future<Decision>> decisions = new ArrayList<>(calls.size());
    for (int i = 0; i < calls.size(); i++) {
      RpcCall call = calls.get(i);
      Optional<RpcException> refused = admission.refusal(i);
      decisions.add(
          refused.isPresent() ? Future.failedFuture(refused.get())
              : call instanceof RpcRequest request ? policy.authorize(principal, admission.admitted(i, request))
              : Future.failedFuture(((RpcCall.Invalid) call).error()));
    }
    return whenAll(decisions, () -> forward(principal, calls, decisions, trace.around(upstream)))
        .map(slots -> reply(principal, calls, slots, start, trace, admission))
        // every path ends here (answer, error, the node's timeout): the gate's slots come back
        .andThen(done -> admission.release());
  }

  /**
   * {@code next} once every future of {@code all} is complete, failed or not. Most calls are
   * decided and filtered at once (cached facts, no filter); then {@code next} runs without the
   * join's future and listeners.
   */
  private static <T, R> Future<R> whenAll(List<Future<T>> all, java.util.function.Supplier<Future<R>> next) {
    for (Future<T> each : all) {
      if (!each.isComplete()) {
        return Future.join(all).transform(done -> next.get());
      }
    }
    try {
      return next.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /** A gate that failed as a whole refuses every call with its error (fail closed). */
  private static CallGate.Admission refusingAll(RpcException error) {
    return new CallGate.Admission() {
      @Override
      public Optional<RpcException> refusal(int index) {
        return Optional.of(error);
      }

      @Override
      public long retryAfterMillis() {
        return 0;
      }

      @Override
      public void release() {}
    };
  }

  /**
   * Each call's answer in its slot (null for a notification), Scopegate's refusal of it if any,
   * the HTTP status that fits, how long the node took (-1: nothing forwarded), and for metrics
   * the refusals of notifications (which are never answered but must be counted as what they were).
   */
  private record Slots(RpcResponse[] answers, RpcError[] refusals, int httpStatus, long upstreamNanos,
      RpcResponse[] refusedNotifications) {}

  private Future<Slots> forward(
      Principal principal, List<RpcCall> calls, List<Future<Decision>> decisions, Upstream upstream) {
    RpcResponse[] slots = new RpcResponse[calls.size()];
    RpcError[] refusals = new RpcError[calls.size()];
    RpcResponse[] refused = new RpcResponse[calls.size()];
    List<RpcRequest> outgoing = new ArrayList<>(calls.size());
    List<RpcRequest> forwarded = new ArrayList<>(calls.size());
    int[] answered = new int[calls.size()];
    int answering = 0;
    for (int i = 0; i < calls.size(); i++) {
      Future<Decision> decision = decisions.get(i);
      RpcCall call = calls.get(i);
      int slot = i;
      if (decision.failed()) {
        RpcException refusal = rpcError(decision.cause());
        refusals[slot] = refusal.error();
        call.id().ifPresentOrElse(id -> slots[slot] = RpcResponse.error(id, refusal),
            () -> refused[slot] = RpcResponse.error(NullNode.getInstance(), refusal));
      } else if (decision.result() instanceof Decision.Respond local) {
        call.id().ifPresent(id -> slots[slot] = RpcResponse.result(id, local.result()));
      } else {
        RpcRequest request = ((Decision.Forward) decision.result()).request();
        outgoing.add(request);
        if (!request.isNotification()) {
          forwarded.add(request);
          answered[answering++] = i;
        }
      }
    }
    int answerCount = answering;
    long sent = System.nanoTime();
    long[] upstreamNanos = {-1};
    return upstream
        .forward(outgoing)
        .andThen(done -> upstreamNanos[0] = outgoing.isEmpty() ? -1 : System.nanoTime() - sent)
        .compose(answers -> filtered(principal, forwarded, answers))
        .map(
            filtered -> {
              for (int k = 0; k < answerCount; k++) {
                int slot = answered[k];
                slots[slot] = toResponse(calls.get(slot), filtered.get(k));
                if (filtered.get(k).failed()) {
                  refusals[slot] = filtered.get(k).cause() instanceof RpcException known
                      ? known.error() : RpcError.INTERNAL_ERROR;
                }
              }
              return new Slots(slots, refusals, 200, upstreamNanos[0], refused);
            })
        .recover(
            failure -> {
              RpcException error = rpcError(failure);
              for (int k = 0; k < answerCount; k++) {
                slots[answered[k]] = RpcResponse.error(calls.get(answered[k]).id().orElseThrow(), error);
              }
              return Future.succeededFuture(
                  new Slots(slots, refusals, error.error().httpStatus(), upstreamNanos[0], refused));
            });
  }

  /** Each answer through its method's filter; a filter that fails answers with its error. */
  private Future<List<Future<Answer>>> filtered(
      Principal principal, List<RpcRequest> forwarded, List<Answer> answers) {
    List<Future<Answer>> filtered = new ArrayList<>(answers.size());
    for (int k = 0; k < answers.size(); k++) {
      Answer answer = answers.get(k);
      filtered.add(answer.isError() ? Future.succeededFuture(answer) : policy.filter(principal, forwarded.get(k), answer));
    }
    return whenAll(filtered, () -> Future.succeededFuture(filtered));
  }

  private static RpcResponse toResponse(RpcCall call, Future<Answer> filtered) {
    var id = call.id().orElseThrow();
    if (filtered.failed()) {
      return RpcResponse.error(id, rpcError(filtered.cause()));
    }
    Answer answer = filtered.result();
    return answer.isError()
        ? RpcResponse.error(id, answer.error())
        : RpcResponse.result(id, answer.result());
  }

  private Reply reply(Principal principal, List<RpcCall> calls, Slots slots, long start,
      CallTracer.Trace trace, CallGate.Admission admission) {
    try {
      RpcResponse[] observed = slots.answers().clone();
      for (int i = 0; i < observed.length; i++) {
        if (observed[i] == null) {
          observed[i] = slots.refusedNotifications()[i];
        }
      }
      List<Optional<RpcError>> refusals = new ArrayList<>(observed.length);
      for (RpcError refusal : slots.refusals()) {
        refusals.add(Optional.ofNullable(refusal));
      }
      CallObserver.Dispatch dispatch = new CallObserver.Dispatch(principal, calls, Arrays.asList(observed),
          refusals, System.nanoTime() - start, slots.upstreamNanos());
      trace.ended(dispatch);
      observer.dispatched(dispatch);
    } catch (RuntimeException e) {
      LOG.warn("a call observer failed: {}", e.toString());
    }
    List<RpcResponse> responses = new ArrayList<>(slots.answers().length);
    for (RpcResponse answer : slots.answers()) {
      if (answer != null) {
        responses.add(answer);
      }
    }
    return allLimited(slots)
        ? new Reply(responses, RpcError.LIMIT_EXCEEDED.httpStatus(), admission.retryAfterMillis())
        : new Reply(responses, slots.httpStatus());
  }

  /** Every answered call refused by a spent budget: the whole request was refused (HTTP 429). */
  private static boolean allLimited(Slots slots) {
    boolean any = false;
    for (int i = 0; i < slots.answers().length; i++) {
      if (slots.answers()[i] != null) {
        if (slots.refusals()[i] != RpcError.LIMIT_EXCEEDED) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  private static RpcException rpcError(Throwable failure) {
    if (failure instanceof RpcException known) {
      return known;
    }
    LOG.error("unexpected failure while handling a call", failure);
    return RpcError.INTERNAL_ERROR.exception();
  }
}
