package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sending transactions (instamined) and reading them and their receipts back. The receipt of a
 * private transaction is the node's private one, as GoQuorum merges them; a privacy marker's is
 * its own public one. {@code personal_sendTransaction} is {@code eth_sendTransaction} once the
 * passphrase opens the account.
 */
final class TransactionMethods {
  private TransactionMethods() {}

  static void register(MethodTable table, Chain chain, DevNodeOptions options) {
    String defaultKey = chain.tessera().keys().get(0);
    Optional<Boolean> markerField = options.privacyMarkers() ? Optional.of(false) : Optional.empty();
    table
        .add("eth_sendTransaction", 1,
            p -> send(chain, p.get(0, node -> SendTxArgs.decode(node, defaultKey))))
        .add("personal_sendTransaction", 2, p -> sendWithPassphrase(chain, p, defaultKey))
        .add("eth_getTransactionByHash", 1,
            p -> lookup(chain, p, mined -> WireFormat.transaction(mined.block(), mined.index())))
        .add("eth_getTransactionReceipt", 1, p -> lookup(chain, p, m -> receipt(m, markerField)));
  }

  private static JsonNode send(Chain chain, TransactionRequest request) {
    return TextNode.valueOf(chain.mineTransaction(request).transaction().hash().hex());
  }

  private static JsonNode receipt(MinedTransaction mined, Optional<Boolean> markerField) {
    LocalResult local = mined.local();
    Receipt receipt =
        local.marker() ? mined.receipt() : local.privateReceipt().orElse(mined.receipt());
    return WireFormat.receipt(
        mined.block(), mined.index(), receipt, mined.transaction(),
        markerField.map(flag -> local.marker()));
  }

  private static JsonNode sendWithPassphrase(Chain chain, NodeParams params, String defaultKey) {
    TransactionRequest request = params.get(0, node -> SendTxArgs.decode(node, defaultKey));
    NodeKeys.withPassphrase(request.from(), SigningMethods.passphrase(params, 1));
    return send(chain, request);
  }

  static JsonNode lookup(Chain chain, NodeParams params, Function<MinedTransaction, JsonNode> render) {
    return chain.transaction(params.hash(0)).map(render).orElse(NullNode.getInstance());
  }
}
