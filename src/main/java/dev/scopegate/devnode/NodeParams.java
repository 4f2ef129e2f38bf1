package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The positional params of one call, decoded on demand with go-ethereum's rules and texts:
 * params must be an array, at most the method's arity, and a required argument may be neither
 * absent nor null.
 */
final class NodeParams {
  private final List<JsonNode> args;
  private final JsonNode requestId;

  private NodeParams(List<JsonNode> args, JsonNode requestId) {
    this.args = args;
    this.requestId = requestId;
  }

  static NodeParams of(Optional<JsonNode> params, int maxArgs) {
    return of(params, maxArgs, NullNode.getInstance());
  }

  /** The params of the call whose JSON-RPC id is {@code requestId}. */
  static NodeParams of(Optional<JsonNode> params, int maxArgs, JsonNode requestId) {
    List<JsonNode> args = new ArrayList<>();
    if (params.isPresent()) {
      if (!params.get().isArray()) {
        throw NodeError.INVALID_PARAMS.exception("non-array args");
      }
      params.get().forEach(args::add);
    }
    if (args.size() > maxArgs) {
      throw NodeError.INVALID_PARAMS.exception("too many arguments, want at most " + maxArgs);
    }
    return new NodeParams(args, requestId);
  }

  /** The call's JSON-RPC id, as sent (null for a notification). */
  JsonNode requestId() {
    return requestId;
  }

  /** Argument {@code index} decoded by {@code decoder}; a decoding failure names the index. */
  <T> T get(int index, Function<JsonNode, T> decoder) {
    if (index >= args.size() || args.get(index).isNull()) {
      throw NodeError.INVALID_PARAMS.exception("missing value for required argument " + index);
    }
    try {
      return decoder.apply(args.get(index));
    } catch (InvalidArgument e) {
      String reason = "invalid argument " + index + ": " + e.getMessage();
      throw NodeError.INVALID_PARAMS.exception(reason);
    }
  }

  /** Argument {@code index} decoded by {@code decoder} when given and not null. */
  <T> Optional<T> optional(int index, Function<JsonNode, T> decoder) {
    return optional(index).map(node -> get(index, decoder));
  }

  /** Argument {@code index} when given and not null. */
  Optional<JsonNode> optional(int index) {
    return index < args.size() && !args.get(index).isNull()
        ? Optional.of(args.get(index))
        : Optional.empty();
  }

  Address address(int index) {
    return Address.of(fixed(index, 20, "common.Address"));
  }

  Hash hash(int index) {
    return Hash.of(fixed(index, 32, "common.Hash"));
  }

  private byte[] fixed(int index, int length, String goType) {
    return get(index, node -> Hex.decodeFixed(text(node, goType), length, goType));
  }

  byte[] data(int index) {
    return get(index, node -> Hex.decodeData(text(node, "hexutil.Bytes"), "hexutil.Bytes"));
  }

  boolean bool(int index) {
    return get(index, node -> {
      if (!node.isBoolean()) {
        throw InvalidArgument.ofType(kind(node), "bool");
      }
      return node.booleanValue();
    });
  }

  /** The text of a JSON string, or go-ethereum's complaint about a non-string. */
  static String text(JsonNode node, String goType) {
    if (!node.isTextual()) {
      throw InvalidArgument.ofType("non-string", goType);
    }
    return node.textValue();
  }

  /** The JSON kind as Go's decoder names it in type errors. */
  static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "bool";
      case ARRAY -> "array";
      case OBJECT -> "object";
      default -> "null";
    };
  }
}
