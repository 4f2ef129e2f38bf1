package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Transactions clients sign themselves, as GoQuorum 21.x takes them:
 *
 * <ul>
 *   <li>{@code eth_sendRawTransaction}: a public transaction, or a private one ({@code v} 37/38)
 *       whose data is the hash of a payload Tessera already has; the payload's parties are those
 *       Tessera recorded.
 *   <li>{@code eth_sendRawPrivateTransaction(raw, {privateFor, privacyFlag})}: the data is the hash
 *       of a payload stored through Tessera's {@code /storeraw}; the node distributes it to {@code
 *       privateFor}, marks the transaction private (28 to 38, anything else to 37, as {@code
 *       SetPrivate} does) and submits it. Without {@code privateFor}: "transaction is not private".
 *   <li>{@code eth_distributePrivateTransaction} (21.7.1+): distributes the payload likewise, then
 *       stores the signed transaction itself in Tessera for the same parties and returns that hash
 *       (hex): the data of a privacy marker the client will sign. Nothing is mined.
 * </ul>
 *
 * A raw private transaction is never wrapped in a privacy marker: the node cannot sign for the
 * client.
 */
final class RawMethods {
  private RawMethods() {}

  static void register(MethodTable table, Chain chain) {
    String defaultKey = chain.tessera().keys().get(0);
    table
        .add("eth_sendRawTransaction", 1, p -> send(chain, SignedTx.decode(p.data(0))))
        .add(
            "eth_sendRawPrivateTransaction",
            2,
            p -> {
              SignedTx tx = SignedTx.decode(p.data(0)).markPrivate();
              distribute(chain, tx, privacy(p, defaultKey));
              return send(chain, tx);
            })
        .add(
            "eth_distributePrivateTransaction",
            2,
            p -> {
              SignedTx tx = SignedTx.decode(p.data(0));
              PrivacyRequest privacy = privacy(p, defaultKey);
              PayloadRecord payload = distribute(chain, tx, privacy);
              byte[] signed = WireFormat.signed(tx.toTransaction(Address.ZERO));
              PayloadRecord record =
                  new PayloadRecord(
                      signed, payload.senderKey(), privacy.privateFor(), privacy.privacyFlag());
              return TextNode.valueOf(chain.tessera().store(record).hex());
            });
  }

  private static JsonNode send(Chain chain, SignedTx tx) {
    TransactionRequest request = TransactionRequest.signed(tx, tx.sender(chain.chainId()));
    if (tx.isPrivate()) {
      PayloadHash hash = payloadHash(tx);
      PayloadRecord record =
          chain
              .tessera()
              .findRaw(hash)
              .orElseThrow(() -> NodeError.PAYLOAD_NOT_FOUND.exception(hash.base64()));
      request = request.withPrivacy(PrivacyRequest.stored(hash, record));
    }
    return TextNode.valueOf(chain.mineTransaction(request).transaction().hash().hex());
  }

  private static PayloadRecord distribute(Chain chain, SignedTx tx, PrivacyRequest privacy) {
    PayloadHash hash = payloadHash(tx);
    return chain
        .tessera()
        .distribute(hash, privacy.privateFor(), privacy.privacyFlag())
        .orElseThrow(() -> NodeError.PAYLOAD_NOT_FOUND.exception(hash.base64()));
  }

  /** The {@code SendRawTxArgs} of param 1; its privateFrom does not count on a non-MPS node. */
  private static PrivacyRequest privacy(NodeParams params, String defaultKey) {
    return params
        .get(
            1,
            node -> {
              if (!node.isObject()) {
                throw InvalidArgument.ofType(NodeParams.kind(node), "ethapi.SendRawTxArgs");
              }
              return SendTxArgs.privacy(node, defaultKey);
            })
        .orElseThrow(NodeError.NOT_PRIVATE::exception);
  }

  /** Go's {@code BytesToEncryptedPayloadHash}: the last 64 bytes, left-padded. */
  private static PayloadHash payloadHash(SignedTx tx) {
    byte[] data = Hex.decodeData(tx.input(), null);
    byte[] hash = new byte[PayloadHash.LENGTH];
    int length = Math.min(data.length, hash.length);
    System.arraycopy(data, data.length - length, hash, hash.length - length, length);
    return new PayloadHash(hash);
  }
}
