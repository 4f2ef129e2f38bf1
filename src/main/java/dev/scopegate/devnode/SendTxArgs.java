package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The object param of {@code eth_sendTransaction} ({@code SendTxArgs}), decoded as GoQuorum does:
 * hex quantities and data, {@code input} preferred to {@code data}, unknown fields ignored. {@code
 * privateFor} makes the transaction private, sent from {@code privateFrom} (the node's default key
 * when absent) with {@code privacyFlag} (0 when absent).
 */
final class SendTxArgs {
  /**
   * internal/ethapi/api.go {@code SendTxArgs} with its embedded {@code PrivateTxArgs}, and {@code
   * AsyncSendTxArgs}' {@code callbackUrl}: the names keys are matched to ({@link GoKeys}).
   */
  static final List<String> FIELDS =
      List.of(
          "from", "to", "gas", "gasPrice", "value", "nonce", "data", "input", "privateFrom",
          "privateFor", "restriction", "privacyFlag", "callbackUrl");

  private SendTxArgs() {}

  static TransactionRequest decode(JsonNode sent, String defaultPrivateFrom) {
    if (!sent.isObject()) {
      throw InvalidArgument.ofType(NodeParams.kind(sent), "ethapi.SendTxArgs");
    }
    JsonNode node = GoKeys.canonical(sent, FIELDS);
    Address from = present(node, "from") ? address(node.get("from")) : Address.ZERO;
    Optional<Address> to =
        present(node, "to") ? Optional.of(address(node.get("to"))) : Optional.empty();
    return new TransactionRequest(
        from,
        to,
        big(node, "value").orElse(BigInteger.ZERO),
        uint64(node, "gas"),
        big(node, "gasPrice").orElse(BigInteger.ZERO),
        uint64(node, "nonce"),
        Hex.data(input(node)),
        privacy(node, defaultPrivateFrom));
  }

  static Optional<PrivacyRequest> privacy(JsonNode sent, String defaultPrivateFrom) {
    JsonNode node = GoKeys.canonical(sent, FIELDS);
    if (!present(node, "privateFor")) {
      return Optional.empty();
    }
    JsonNode privateFor = node.get("privateFor");
    if (!privateFor.isArray()) {
      throw InvalidArgument.ofType(NodeParams.kind(privateFor), "[]string");
    }
    List<String> keys = new ArrayList<>();
    privateFor.forEach(key -> keys.add(NodeParams.text(key, "string")));
    String from =
        present(node, "privateFrom")
            ? NodeParams.text(node.get("privateFrom"), "string")
            : defaultPrivateFrom;
    int flag = present(node, "privacyFlag") ? node.get("privacyFlag").asInt(-1) : 0;
    if (!PrivacyRequest.FLAGS.contains(flag)) {
      throw NodeError.INVALID_PRIVACY_FLAG.exception(node.get("privacyFlag").toString());
    }
    return Optional.of(PrivacyRequest.local(from, keys, flag));
  }

  private static byte[] input(JsonNode node) {
    Optional<byte[]> data = bytes(node, "data");
    Optional<byte[]> input = bytes(node, "input");
    if (data.isPresent() && input.isPresent() && !Arrays.equals(data.get(), input.get())) {
      throw NodeError.DATA_INPUT_MISMATCH.exception();
    }
    return input.or(() -> data).orElse(new byte[0]);
  }

  static boolean present(JsonNode node, String field) {
    return node.hasNonNull(field);
  }

  static Address address(JsonNode value) {
    String type = "common.Address";
    return Address.of(Hex.decodeFixed(NodeParams.text(value, type), 20, type));
  }

  static Optional<BigInteger> big(JsonNode node, String field) {
    return present(node, field)
        ? Optional.of(
            Hex.decodeQuantity(NodeParams.text(node.get(field), "hexutil.Big"), 256, "hexutil.Big"))
        : Optional.empty();
  }

  static OptionalLong uint64(JsonNode node, String field) {
    if (!present(node, field)) {
      return OptionalLong.empty();
    }
    String type = "hexutil.Uint64";
    BigInteger value = Hex.decodeQuantity(NodeParams.text(node.get(field), type), 64, type);
    // Beyond a long is beyond any block gas limit or reachable nonce; the executor says so.
    return OptionalLong.of(value.bitLength() > 63 ? Long.MAX_VALUE : value.longValue());
  }

  static Optional<byte[]> bytes(JsonNode node, String field) {
    return present(node, field)
        ? Optional.of(
            Hex.decodeData(NodeParams.text(node.get(field), "hexutil.Bytes"), "hexutil.Bytes"))
        : Optional.empty();
  }
}
