package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;

/**
 * {@code eth_fillTransaction}: the transaction with nonce (the sender's, as the pool sees it), gas
 * (the intrinsic gas of what the chain will carry) and gas price (0) filled in, unsigned ({@code v
 * = r = s = 0}), as {@code {raw, tx}}. With {@code privateFor}, GoQuorum stores the payload in
 * Tessera first (raw, from {@code privateFrom}) and the data becomes its hash, ready for the client
 * to sign and send with {@code eth_sendRawPrivateTransaction}.
 */
final class FillTransaction {
  private FillTransaction() {}

  static void register(MethodTable table, Chain chain) {
    String defaultKey = chain.tessera().keys().get(0);
    table.add(
        "eth_fillTransaction",
        1,
        p -> fill(chain, p.get(0, node -> SendTxArgs.decode(node, defaultKey))));
  }

  private static JsonNode fill(Chain chain, TransactionRequest request) {
    String input = request.input();
    if (request.privacy().isPresent()) {
      PrivacyRequest privacy = request.privacy().get();
      if (!chain.tessera().manages(privacy.privateFrom())) {
        throw NodeError.PRIVATE_FROM_UNKNOWN.exception(privacy.privateFrom());
      }
      if (request.value().signum() != 0) {
        throw NodeError.PRIVATE_VALUE.exception();
      }
      byte[] payload = Hex.decodeData(input, null);
      input = chain.tessera().storeRaw(payload, privacy.privateFrom()).hex();
    }
    long head = chain.head().number();
    long nonce = request.nonce().orElse(chain.account(request.from(), head).nonce());
    byte[] data = Hex.decodeData(input, null);
    long gas = request.gas().orElse(TransactionExecutor.intrinsicGas(data, request.to().isEmpty()));
    BigInteger gasPrice = request.gasPrice();
    SignedTx tx = SignedTx.unsigned(nonce, gasPrice, gas, request.to(), request.value(), input);
    return WireFormat.signTransactionResult(tx, request.from());
  }
}
