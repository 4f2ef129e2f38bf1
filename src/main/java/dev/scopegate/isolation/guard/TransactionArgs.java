package dev.scopegate.isolation.guard;

import dev.scopegate.codec.GoFields;
import dev.scopegate.codec.Params;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.RpcError;
import java.util.Optional;

/**
 * What Scopegate reads of GoQuorum's {@code SendTxArgs}: the sending account, the target, and
 * whether the transaction is private ({@code privateFor} present, even empty: GoQuorum tests it
 * against nil) and from which key. An absent {@code from} is the zero address, as GoQuorum sees it.
 */
public record TransactionArgs(
    String from,
    Optional<String> to,
    boolean isPrivate,
    Optional<String> privateFrom,
    Optional<String> callbackUrl) {
  public static final String ZERO_ADDRESS = "0x" + "0".repeat(40);

  public static TransactionArgs of(JsonNode args) {
    if (!args.isObject()) {
      throw RpcError.INVALID_PARAMS.withData("transaction arguments must be an object");
    }
    Optional<JsonNode> privateFor = GoFields.field(args, "privateFor");
    if (privateFor.isPresent() && !privateFor.get().isArray()) {
      throw RpcError.INVALID_PARAMS.withData("privateFor must be an array");
    }
    return new TransactionArgs(
        GoFields.field(args, "from").map(v -> Params.address(v, "from")).orElse(ZERO_ADDRESS),
        GoFields.field(args, "to").map(v -> Params.address(v, "to")),
        privateFor.isPresent(),
        GoFields.field(args, "privateFrom")
            .map(v -> Params.text(v, "privateFrom"))
            .filter(k -> !k.isEmpty()),
        GoFields.field(args, "callbackUrl")
            .map(v -> Params.text(v, "callbackUrl"))
            .filter(u -> !u.isEmpty()));
  }
}
