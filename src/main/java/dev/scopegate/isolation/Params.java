package dev.scopegate.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcRequest;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reading and rewriting a call's positional params, with clear errors for malformed ones. */
final class Params {
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern HASH = Pattern.compile("0x[0-9a-fA-F]{64}");

  private Params() {}

  /** Param {@code index}, or null when absent. */
  static JsonNode at(RpcRequest request, int index) {
    JsonNode params = request.params().orElse(null);
    if (params == null || !params.isArray()) {
      if (params != null) {
        throw RpcError.INVALID_PARAMS.withData("params must be an array");
      }
      return null;
    }
    return params.has(index) ? params.get(index) : null;
  }

  static String address(RpcRequest request, int index) {
    JsonNode value = at(request, index);
    if (value == null || !value.isTextual() || !ADDRESS.matcher(value.asText()).matches()) {
      throw RpcError.INVALID_PARAMS.withData("param " + index + " must be an address");
    }
    return value.asText().toLowerCase(Locale.ROOT);
  }

  static String hash(RpcRequest request, int index) {
    JsonNode value = at(request, index);
    if (value == null || !value.isTextual() || !HASH.matcher(value.asText()).matches()) {
      throw RpcError.INVALID_PARAMS.withData("param " + index + " must be a 32-byte hash");
    }
    return value.asText().toLowerCase(Locale.ROOT);
  }

  /** The call object's {@code to}, if any (a creation has none). */
  static String optionalAddress(JsonNode object, String field) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || !ADDRESS.matcher(value.asText()).matches()) {
      throw RpcError.INVALID_PARAMS.withData(field + " must be an address");
    }
    return value.asText().toLowerCase(Locale.ROOT);
  }

  static JsonNode object(RpcRequest request, int index) {
    JsonNode value = at(request, index);
    if (value == null || !value.isObject()) {
      throw RpcError.INVALID_PARAMS.withData("param " + index + " must be an object");
    }
    return value;
  }

  /** A copy of the request with param {@code index} set (positions before it filled with null). */
  static RpcRequest with(RpcRequest request, int index, JsonNode value) {
    ArrayNode params = Json.MAPPER.createArrayNode();
    request.params().ifPresent(p -> p.forEach(params::add));
    while (params.size() <= index) {
      params.addNull();
    }
    params.set(index, value);
    return request.withParams(params);
  }
}
