package dev.scopegate.isolation.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.policy.ResponseFilter;
import dev.scopegate.upstream.Answer;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code eth_getBlockReceipts} (geth 1.13+, Besu, anvil): every receipt of the block passes the
 * receipt filter as if asked for by its own hash, in order; a block the node does not know
 * ({@code null}) passes.
 */
public final class BlockReceiptsFilter implements ResponseFilter {
  private final ResponseFilter receipts;

  public BlockReceiptsFilter(ResponseFilter receipts) {
    this.receipts = receipts;
  }

  @Override
  public Future<Answer> filter(Principal tenant, RpcRequest request, Answer answer) {
    JsonNode all = answer.result();
    if (all == null || all.isNull()) {
      return Future.succeededFuture(answer);
    }
    return NodeData.attempt(() -> {
      if (!all.isArray()) {
        throw NodeData.malformed("block receipts are not a list");
      }
      List<Future<Answer>> each = new ArrayList<>();
      for (JsonNode receipt : all) {
        JsonNode hash = receipt.path("transactionHash");
        if (!hash.isTextual()) {
          throw NodeData.malformed("receipt without a transaction hash");
        }
        RpcRequest single = new RpcRequest(
            Optional.empty(), "eth_getTransactionReceipt", Optional.of(JsonNodeFactory.instance.arrayNode().add(hash)));
        each.add(receipts.filter(tenant, single, new Answer(receipt, null)));
      }
      return Future.all(each).map(done -> {
        ArrayNode filtered = JsonNodeFactory.instance.arrayNode();
        each.forEach(f -> filtered.add(f.result().result()));
        return new Answer(filtered, null);
      });
    });
  }
}
