package dev.scopegate.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcRequest;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Positional params as GoQuorum takes them, with the shapes guards rely on checked. */
final class Params {
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");

  private Params() {}

  /** The param at {@code index}; a missing or null one is invalid. */
  static JsonNode at(RpcRequest request, int index) {
    JsonNode params = request.params().orElse(null);
    if (params == null || !params.isArray()) {
      throw RpcError.INVALID_PARAMS.withData("params must be an array");
    }
    JsonNode value = params.get(index);
    if (value == null || value.isNull()) {
      throw RpcError.INVALID_PARAMS.withData("missing value for required argument " + index);
    }
    return value;
  }

  /** The param at {@code index} if given (null counts as not given). */
  static Optional<JsonNode> optional(RpcRequest request, int index) {
    JsonNode params = request.params().orElse(null);
    if (params != null && !params.isArray()) {
      throw RpcError.INVALID_PARAMS.withData("params must be an array");
    }
    return Optional.ofNullable(params == null ? null : params.get(index)).filter(v -> !v.isNull());
  }

  /** A 20-byte address, lower-cased; anything else is invalid (as it is to the node). */
  static String address(JsonNode value, String name) {
    String text = value.isTextual() ? value.asText().toLowerCase(Locale.ROOT) : "";
    if (!ADDRESS.matcher(text).matches()) {
      throw RpcError.INVALID_PARAMS.withData(name + " is not a 20-byte hex address");
    }
    return text;
  }

  static String text(JsonNode value, String name) {
    if (!value.isTextual()) {
      throw RpcError.INVALID_PARAMS.withData(name + " must be a string");
    }
    return value.asText();
  }
}
