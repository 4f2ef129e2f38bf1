package dev.scopegate.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcRequest;
import java.util.Locale;
import java.util.Optional;

/**
 * Positional params as GoQuorum takes them, with the shapes guards rely on checked, and the
 * rewriting guards do (a pinned block). A malformed param is {@code invalid params}.
 */
public final class Params {

  private Params() {}

  /** The param at {@code index}; a missing or null one is invalid. */
  public static JsonNode at(RpcRequest request, int index) {
    return optional(request, index)
        .orElseThrow(() -> RpcError.INVALID_PARAMS.withData("missing value for required argument " + index));
  }

  /** The param at {@code index} if given (null counts as not given). */
  public static Optional<JsonNode> optional(RpcRequest request, int index) {
    JsonNode params = request.params().orElse(null);
    if (params != null && !params.isArray()) {
      throw RpcError.INVALID_PARAMS.withData("params must be an array");
    }
    return Optional.ofNullable(params == null ? null : params.get(index)).filter(v -> !v.isNull());
  }

  /** A 20-byte address, lower-cased; anything else is invalid (as it is to the node). */
  public static String address(JsonNode value, String name) {
    String text = value.isTextual() ? value.asText().toLowerCase(Locale.ROOT) : "";
    if (!isLowerHex(text, 40)) {
      throw RpcError.INVALID_PARAMS.withData(name + " is not a 20-byte hex address");
    }
    return text;
  }

  public static String address(RpcRequest request, int index) {
    return address(at(request, index), "argument " + index);
  }

  public static String hash(RpcRequest request, int index) {
    JsonNode value = at(request, index);
    String text = value.isTextual() ? value.asText().toLowerCase(Locale.ROOT) : "";
    if (!isLowerHex(text, 64)) {
      throw RpcError.INVALID_PARAMS.withData("argument " + index + " is not a 32-byte hash");
    }
    return text;
  }

  /** {@code 0x} and {@code digits} of [0-9a-f], nothing else (every call's address: no regex). */
  static boolean isLowerHex(String text, int digits) {
    if (text.length() != digits + 2 || text.charAt(0) != '0' || text.charAt(1) != 'x') {
      return false;
    }
    for (int i = 2; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  public static String text(JsonNode value, String name) {
    if (!value.isTextual()) {
      throw RpcError.INVALID_PARAMS.withData(name + " must be a string");
    }
    return value.asText();
  }

  public static JsonNode object(RpcRequest request, int index) {
    JsonNode value = at(request, index);
    if (!value.isObject()) {
      throw RpcError.INVALID_PARAMS.withData("argument " + index + " must be an object");
    }
    return value;
  }

  /** An address field of a call object, read as the node reads it (see {@link GoFields}). */
  public static Optional<String> addressField(JsonNode object, String field) {
    return GoFields.field(object, field).map(value -> address(value, field));
  }

  /** A copy of the request with param {@code index} set (positions before it filled with null). */
  public static RpcRequest with(RpcRequest request, int index, JsonNode value) {
    ArrayNode params = Json.MAPPER.createArrayNode();
    request.params().ifPresent(p -> p.forEach(params::add));
    while (params.size() <= index) {
      params.addNull();
    }
    params.set(index, value);
    return request.withParams(params);
  }
}
