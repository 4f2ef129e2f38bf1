package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.function.Function;

/** Sending transactions (instamined) and reading them and their receipts back. */
final class TransactionMethods {
  private TransactionMethods() {}

  static void register(MethodTable table, Chain chain) {
    table
        .add("eth_sendTransaction", 1, p -> send(chain, p.get(0, SendTxArgs::decode)))
        .add("eth_getTransactionByHash", 1,
            p -> lookup(chain, p, mined -> WireFormat.transaction(mined.block(), mined.index())))
        .add("eth_getTransactionReceipt", 1,
            p -> lookup(chain, p, mined -> WireFormat.receipt(mined.block(), mined.index())));
  }

  private static JsonNode send(Chain chain, TransactionRequest request) {
    return TextNode.valueOf(chain.mineTransaction(request).transaction().hash().hex());
  }

  private static JsonNode lookup(
      Chain chain, Params params, Function<MinedTransaction, JsonNode> render) {
    return chain.transaction(params.hash(0))
        .map(render)
        .orElse(NullNode.getInstance());
  }
}
