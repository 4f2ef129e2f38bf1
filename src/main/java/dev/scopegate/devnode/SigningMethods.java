package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.Optional;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * Signing with the node's accounts, as GoQuorum 21.1 does: {@code eth_sign} and {@code
 * personal_sign} (the "Ethereum Signed Message" prefix, {@code v} 27/28), {@code
 * personal_ecRecover}, and {@code eth_signTransaction} / {@code personal_signTransaction}, which
 * need gas, gasPrice and nonce, sign EIP-155 for the chain, or with {@code privateFor} as a private
 * transaction ({@code v} 37/38, data as given: the client stored the payload itself), and return
 * {@code {raw, tx}} without sending.
 */
final class SigningMethods {
  private SigningMethods() {}

  static void register(MethodTable table, Chain chain) {
    String defaultKey = chain.tessera().keys().get(0);
    table
        .add("eth_sign", 2, p -> sign(NodeKeys.unlocked(p.address(0)), p.data(1)))
        .add(
            "personal_sign",
            3,
            p -> sign(NodeKeys.withPassphrase(p.address(1), passphrase(p, 2)), p.data(0)))
        .add("personal_ecRecover", 2, p -> TextNode.valueOf(recover(p.data(0), p.data(1))))
        .add("eth_signTransaction", 1, p -> signTransaction(chain, p, defaultKey, Optional.empty()))
        .add(
            "personal_signTransaction",
            2,
            p -> signTransaction(chain, p, defaultKey, Optional.of(passphrase(p, 1))));
  }

  static String passphrase(NodeParams params, int index) {
    return params.get(index, node -> NodeParams.text(node, "string"));
  }

  private static JsonNode sign(ECKeyPair key, byte[] data) {
    Sign.SignatureData signature = Sign.signPrefixedMessage(data, key);
    byte[] bytes = new byte[65];
    System.arraycopy(signature.getR(), 0, bytes, 0, 32);
    System.arraycopy(signature.getS(), 0, bytes, 32, 32);
    bytes[64] = signature.getV()[0];
    return TextNode.valueOf(Hex.data(bytes));
  }

  private static String recover(byte[] data, byte[] signature) {
    if (signature.length != 65) {
      throw NodeError.SIGNATURE_LENGTH.exception();
    }
    if (signature[64] != 27 && signature[64] != 28) {
      throw NodeError.SIGNATURE_V.exception();
    }
    Sign.SignatureData parts =
        new Sign.SignatureData(
            signature[64],
            Arrays.copyOfRange(signature, 0, 32),
            Arrays.copyOfRange(signature, 32, 64));
    try {
      BigInteger key = Sign.signedPrefixedMessageToKey(data, parts);
      return "0x" + Keys.getAddress(key);
    } catch (SignatureException | RuntimeException e) {
      throw NodeError.RECOVERY_FAILED.exception();
    }
  }

  private static JsonNode signTransaction(
      Chain chain, NodeParams params, String defaultKey, Optional<String> passphrase) {
    TransactionRequest request = params.get(0, node -> SendTxArgs.decode(node, defaultKey));
    JsonNode args = params.get(0, node -> GoKeys.canonical(node, SendTxArgs.FIELDS));
    if (!args.hasNonNull("gas")) {
      throw NodeError.GAS_NOT_SPECIFIED.exception();
    }
    if (!args.hasNonNull("gasPrice")) {
      throw NodeError.GAS_PRICE_NOT_SPECIFIED.exception();
    }
    if (!args.hasNonNull("nonce")) {
      throw NodeError.NONCE_NOT_SPECIFIED.exception();
    }
    ECKeyPair key =
        passphrase
            .map(given -> NodeKeys.withPassphrase(request.from(), given))
            .orElseGet(() -> NodeKeys.unlocked(request.from()));
    SignedTx signed =
        SignedTx.unsigned(
                request.nonce().getAsLong(),
                request.gasPrice(),
                request.gas().getAsLong(),
                request.to(),
                request.value(),
                request.input())
            .sign(key, chain.chainId(), request.isPrivate());
    return WireFormat.signTransactionResult(signed, request.from());
  }
}
