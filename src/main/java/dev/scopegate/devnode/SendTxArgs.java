package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The object param of {@code eth_sendTransaction} ({@code SendTxArgs}), decoded as GoQuorum
 * does: hex quantities and data, {@code input} preferred to {@code data}, unknown fields
 * ignored. Private transactions ({@code privateFor}) are refused until the dev node has a
 * privacy manager, rather than silently mined as public ones.
 */
final class SendTxArgs {
  private SendTxArgs() {}

  static TransactionRequest decode(JsonNode node) {
    if (!node.isObject()) {
      throw InvalidArgument.ofType(Params.kind(node), "ethapi.SendTxArgs");
    }
    if (present(node, "privateFor") || present(node, "privateFrom")) {
      throw NodeError.PRIVATE_UNSUPPORTED.exception();
    }
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
        Hex.data(input(node)));
  }

  private static byte[] input(JsonNode node) {
    Optional<byte[]> data = bytes(node, "data");
    Optional<byte[]> input = bytes(node, "input");
    if (data.isPresent() && input.isPresent() && !Arrays.equals(data.get(), input.get())) {
      throw NodeError.DATA_INPUT_MISMATCH.exception();
    }
    return input.or(() -> data).orElse(new byte[0]);
  }

  private static boolean present(JsonNode node, String field) {
    return node.hasNonNull(field);
  }

  private static Address address(JsonNode value) {
    String type = "common.Address";
    return Address.of(Hex.decodeFixed(Params.text(value, type), 20, type));
  }

  private static Optional<BigInteger> big(JsonNode node, String field) {
    return present(node, field)
        ? Optional.of(
            Hex.decodeQuantity(Params.text(node.get(field), "hexutil.Big"), 256, "hexutil.Big"))
        : Optional.empty();
  }

  private static OptionalLong uint64(JsonNode node, String field) {
    if (!present(node, field)) {
      return OptionalLong.empty();
    }
    String type = "hexutil.Uint64";
    BigInteger value = Hex.decodeQuantity(Params.text(node.get(field), type), 64, type);
    // Beyond a long is beyond any block gas limit or reachable nonce; the executor says so.
    return OptionalLong.of(value.bitLength() > 63 ? Long.MAX_VALUE : value.longValue());
  }

  private static Optional<byte[]> bytes(JsonNode node, String field) {
    return present(node, field)
        ? Optional.of(
            Hex.decodeData(Params.text(node.get(field), "hexutil.Bytes"), "hexutil.Bytes"))
        : Optional.empty();
  }
}
