package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The call object of {@code eth_call}, {@code eth_estimateGas} and {@code debug_traceCall} (geth's
 * {@code CallArgs}): {@code from}, {@code to}, {@code gas}, {@code gasPrice}, {@code value} and
 * {@code data}, decoded with go-ethereum's rules; other fields, {@code input} among them, are
 * ignored, as GoQuorum 21.x ignores them. Absent {@code to} simulates a creation.
 */
record CallArgs(
    Optional<Address> from, Optional<Address> to, OptionalLong gas, BigInteger value, String data) {

  /** internal/ethapi/api.go {@code CallArgs}: the names keys are matched to ({@link GoKeys}). */
  static final List<String> FIELDS = List.of("from", "to", "gas", "gasPrice", "value", "data");

  static CallArgs decode(JsonNode sent) {
    if (!sent.isObject()) {
      throw InvalidArgument.ofType(NodeParams.kind(sent), "ethapi.CallArgs");
    }
    JsonNode node = GoKeys.canonical(sent, FIELDS);
    SendTxArgs.big(node, "gasPrice"); // decoded for its errors; gas is free on GoQuorum
    return new CallArgs(
        SendTxArgs.present(node, "from")
            ? Optional.of(SendTxArgs.address(node.get("from")))
            : Optional.empty(),
        SendTxArgs.present(node, "to")
            ? Optional.of(SendTxArgs.address(node.get("to")))
            : Optional.empty(),
        SendTxArgs.uint64(node, "gas"),
        SendTxArgs.big(node, "value").orElse(BigInteger.ZERO),
        Hex.data(SendTxArgs.bytes(node, "data").orElse(new byte[0])));
  }

  /** Istanbul's intrinsic gas of this call as a transaction. */
  long intrinsicGas() {
    return TransactionExecutor.intrinsicGas(Hex.decodeData(data, null), to.isEmpty());
  }
}
