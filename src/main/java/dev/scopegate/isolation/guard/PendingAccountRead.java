package dev.scopegate.isolation.guard;

import dev.scopegate.codec.Params;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.privacy.NodeRpc;
import io.vertx.core.Future;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A wallet's {@code pending} nonce or balance: the node's pending answer, so that a second
 * transaction sent before the first is mined gets the next nonce. Only for an account — an
 * address without code at {@code pending}, asked before and after the read in the same batch —
 * so that a contract created in the pending block (a private one the tenant is not party to
 * included) is never answered from {@code pending}: it is read at the head instead, where the
 * private-state rules apply. Empty when the address is not such an account (or the node could
 * not say): the caller then pins the call to the head.
 */
public final class PendingAccountRead {
  private static final String NO_CODE = "0x";

  private PendingAccountRead() {}

  public static boolean asksPending(RpcRequest request, int blockIndex) {
    return Params.optional(request, blockIndex)
        .filter(JsonNode::isTextual)
        .map(b -> b.asText().toLowerCase(Locale.ROOT).equals("pending"))
        .orElse(false);
  }

  public static Future<Optional<JsonNode>> answer(NodeRpc node, RpcRequest request, String address) {
    NodeRpc.Call code = new NodeRpc.Call("eth_getCode", address, "pending");
    NodeRpc.Call read = new NodeRpc.Call(request.method(), address, "pending");
    return node.batch(List.of(code, read, code))
        .map(answers -> isAccount(answers.get(0)) && isAccount(answers.get(2))
            ? Optional.of(answers.get(1))
            : Optional.<JsonNode>empty())
        .otherwise(Optional.empty());
  }

  private static boolean isAccount(JsonNode code) {
    return code != null && code.isTextual() && code.asText().equals(NO_CODE);
  }
}
