package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scopegate.jsonrpc.Json;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * GoQuorum's {@code eth_sendTransactionAsync}: it answers at once with the zero hash — the
 * transaction's hash reaches only the {@code callbackUrl}, if one is given, in a POST made after
 * the send, success or failure. The dev node sends (and mines) before answering and records the
 * callback in {@link #callbacks} instead of posting it, so no test reaches out of the JVM.
 */
final class AsyncSend {
  private final List<Callback> callbacks = new CopyOnWriteArrayList<>();

  void register(MethodTable table, Chain chain) {
    String defaultKey = chain.tessera().keys().get(0);
    table.add(
        "eth_sendTransactionAsync",
        1,
        p -> {
          TransactionRequest request = p.get(0, node -> SendTxArgs.decode(node, defaultKey));
          String url = p.get(0, node -> callbackUrl(node));
          ObjectNode body = Json.MAPPER.createObjectNode();
          String id = Json.string(p.requestId());
          if (!id.isEmpty()) {
            body.put("id", id);
          }
          try {
            body.put("txHash", chain.mineTransaction(request).transaction().hash().hex());
          } catch (NodeException e) {
            body.put("error", e.getMessage());
          }
          if (!url.isEmpty()) {
            callbacks.add(new Callback(url, Json.string(body) + "\n"));
          }
          return TextNode.valueOf(Hash.ZERO.hex());
        });
  }

  List<Callback> callbacks() {
    return List.copyOf(callbacks);
  }

  private static String callbackUrl(JsonNode args) {
    JsonNode fields = GoKeys.canonical(args, SendTxArgs.FIELDS);
    return fields.hasNonNull("callbackUrl") ? NodeParams.text(fields.get("callbackUrl"), "string") : "";
  }
}
