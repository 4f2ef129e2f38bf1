package dev.scopegate.isolation.guard;

import dev.scopegate.isolation.Party;
import dev.scopegate.codec.GoFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.Json;
import io.vertx.core.Future;

/**
 * A tenant's transaction traced before it is forwarded: run as a call at the node's head — the
 * state it will execute on — through {@link ReachCheck}, so that a transaction reaching a private
 * contract the tenant is not party to is refused and never reaches the node. Creations included:
 * init code can call out.
 */
public final class TransactionTrace {
  private final ReachCheck reach;

  public TransactionTrace(ReachCheck reach) {
    this.reach = reach;
  }

  /** {@code call} (from, to, gas, value, data) as the node would run the transaction. */
  public Future<Void> check(Principal tenant, JsonNode call) {
    return reach.context().pinner().pin(null)
        .recover(TransactionRules::unavailable)
        .compose(head -> reach.call(tenant, call, head, CallOverrides.NONE, Party.SENDER));
  }

  /**
   * GoQuorum's {@code SendTxArgs} as a call: {@code input} preferred to {@code data} (as the node
   * sends it; its call args know {@code data} only), for a private transaction the plaintext the
   * node will hand Tessera and execute.
   */
  public static ObjectNode asCall(JsonNode sendTxArgs) {
    ObjectNode call = Json.MAPPER.createObjectNode();
    for (String field : new String[] {"from", "to", "gas", "value"}) {
      GoFields.field(sendTxArgs, field).ifPresent(value -> call.set(field, value));
    }
    GoFields.field(sendTxArgs, "input")
        .or(() -> GoFields.field(sendTxArgs, "data"))
        .ifPresent(data -> call.set("data", data));
    return call;
  }
}
