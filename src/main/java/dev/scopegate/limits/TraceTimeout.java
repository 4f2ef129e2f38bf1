package dev.scopegate.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.codec.GoFields;
import dev.scopegate.codec.Params;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcRequest;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code timeout} a trace call asks of the node's tracer, held to a cap. GoQuorum's trace
 * methods (eth/tracers/api.go; eth/api_tracer.go before 21.7) take a {@code TraceConfig} whose
 * {@code Timeout} is a Go duration string, read with {@code time.ParseDuration}, 5 s when absent
 * or null ({@code defaultTraceTimeout}); {@link #POSITIONS} says where each method takes it. The
 * config is read as encoding/json reads it (keys case-insensitively, see {@link GoFields}). A
 * timeout that cannot be read is refused, never forwarded: the node might read it otherwise.
 */
final class TraceTimeout {
  /** GoQuorum's {@code defaultTraceTimeout}: what the node uses when the call names none. */
  static final long NODE_DEFAULT_NANOS = 5_000_000_000L;

  /**
   * Method → the index of its {@code TraceConfig}; each takes nothing after it. Not here: {@code
   * debug_standardTrace*ToFile} (a {@code StdTraceConfig}, which has no timeout) and {@code
   * debug_traceChain} (a subscription through {@code debug_subscribe}, operators only).
   */
  static final Map<String, Integer> POSITIONS = Map.of(
      "debug_traceTransaction", 1,
      "debug_traceBlockByNumber", 1,
      "debug_traceBlockByHash", 1,
      "debug_traceBlock", 1,
      "debug_traceBlockFromFile", 1,
      "debug_traceBadBlock", 1,
      "debug_traceCall", 2);

  private TraceTimeout() {}

  /**
   * {@code request} held to {@code capNanos} (above 0): the request to forward — as sent, or with
   * the cap written into its config when it names no timeout and the node's default is longer
   * than the cap. Throws the refusal: over the cap, or unreadable.
   */
  static RpcRequest capped(RpcRequest request, long capNanos) {
    int position = POSITIONS.get(request.method());
    JsonNode params = request.params().orElse(null);
    if (params != null && !params.isArray()) {
      throw RpcError.INVALID_PARAMS.withData("params must be an array");
    }
    if (params != null && params.size() > position + 1) {
      // geth's words; the node would not run it either, and a timeout there would go unread here
      throw RpcError.INVALID_PARAMS.withData("too many arguments, want at most " + (position + 1));
    }
    Optional<JsonNode> config = Params.optional(request, position);
    if (config.isPresent() && !config.get().isObject()) {
      throw RpcError.INVALID_PARAMS.withData("the trace config (argument " + position + ") must be an object");
    }
    Optional<JsonNode> timeout = config.flatMap(c -> GoFields.field(c, "timeout"));
    if (timeout.isEmpty()) {
      return NODE_DEFAULT_NANOS <= capNanos ? request
          : Params.with(request, position, withTimeout(config, capNanos));
    }
    long asked = read(timeout.get());
    if (asked > capNanos) {
      throw RpcError.TRACE_TIMEOUT_EXCEEDED.withData("maxTraceTimeout: the call asks a trace timeout of "
          + GoDuration.format(asked) + ", at most " + GoDuration.format(capNanos)
          + " is allowed; ask a shorter timeout");
    }
    return request;
  }

  private static long read(JsonNode timeout) {
    if (!timeout.isTextual()) {
      throw RpcError.INVALID_PARAMS.withData("timeout must be a string, a Go duration such as \"5s\" or \"300ms\"");
    }
    try {
      return GoDuration.parse(timeout.textValue());
    } catch (GoDuration.Invalid e) {
      throw RpcError.INVALID_PARAMS.withData("timeout: " + e.getMessage()
          + " (a Go duration such as \"5s\", \"1m30s\" or \"300ms\")");
    }
  }

  /** The config with the cap as its timeout (a null timeout, in whatever case, replaced). */
  private static ObjectNode withTimeout(Optional<JsonNode> config, long capNanos) {
    ObjectNode copy = config.map(c -> ((ObjectNode) c).deepCopy()).orElseGet(Json.MAPPER::createObjectNode);
    for (Iterator<String> keys = copy.fieldNames(); keys.hasNext(); ) {
      if (GoFields.fold(keys.next()).equals("timeout")) {
        keys.remove();
      }
    }
    return copy.put("timeout", GoDuration.format(capNanos));
  }
}
