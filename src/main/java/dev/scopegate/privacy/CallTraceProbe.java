package dev.scopegate.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the node's {@code debug_traceCall} sees private state — a capability of the node, not of
 * one call: GoQuorum 21.7 to 23.4 trace calls against the public state only (quorum#1674), and
 * such a trace cannot show what a tenant's call reaches. Probed once the index knows a private
 * contract (a call to it must show its code in a prestate trace), and again after the node's
 * socket came back; the verdict is logged, at WARN when blind. Tenants' calls are checked the
 * same either way: every account their trace shows.
 */
final class CallTraceProbe {
  private static final Logger LOG = LoggerFactory.getLogger(CallTraceProbe.class);
  private static final Map<String, String> PRESTATE = Map.of("tracer", "prestateTracer", "timeout", "10s");

  enum Verdict { UNKNOWN, SEES_PRIVATE_STATE, BLIND }

  private final NodeRpc node;
  private final AtomicReference<Verdict> verdict = new AtomicReference<>(Verdict.UNKNOWN);
  private volatile Optional<String> sample = Optional.empty();
  private volatile boolean probing;

  CallTraceProbe(NodeRpc node) {
    this.node = node;
  }

  Verdict verdict() {
    return verdict.get();
  }

  /** A private contract the index has just recorded: probe with it if no verdict yet. */
  void privateContract(String address) {
    if (sample.isEmpty()) {
      sample = Optional.of(address);
    }
    if (verdict.get() == Verdict.UNKNOWN) {
      probe();
    }
  }

  /** The node's socket came back: it may be another node now. */
  void reconnected() {
    verdict.set(Verdict.UNKNOWN);
    probe();
  }

  private void probe() {
    if (sample.isEmpty() || probing) {
      return;
    }
    probing = true;
    String address = sample.get();
    Future<JsonNode> code = node.call("eth_getCode", address, "latest");
    Future<JsonNode> trace = node.call("debug_traceCall", Map.of("to", address), "latest", PRESTATE);
    Future.all(code, trace).onComplete(done -> {
      probing = false;
      if (done.failed() || code.result().asText("0x").equals("0x")) {
        return; // inconclusive: the next private contract, or the next reconnection, asks again
      }
      boolean shows = !codeIn(trace.result(), address).equals("0x");
      Verdict found = shows ? Verdict.SEES_PRIVATE_STATE : Verdict.BLIND;
      if (verdict.getAndSet(found) != found) {
        if (shows) {
          LOG.info("the node's debug_traceCall sees private state: tenants' calls are checked by all they touch");
        } else {
          LOG.warn("the node's debug_traceCall does not see private state (GoQuorum 21.7 to 23.4):"
              + " tenants' calls are checked by their target only, not by what they reach inside");
        }
      }
    });
  }

  private static String codeIn(JsonNode prestate, String address) {
    var names = prestate.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (name.toLowerCase(Locale.ROOT).equals(address.toLowerCase(Locale.ROOT))) {
        return prestate.get(name).path("code").asText("0x");
      }
    }
    return "0x";
  }
}
