package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.jsonrpc.Json;
import java.util.List;
import java.util.Map;

/**
 * An object's keys matched to a Go struct's fields as {@code encoding/json} matches them
 * ({@code decode.go} {@code object}: the field whose name equals the key, else one equal under
 * {@code bytes.EqualFold}; {@code fold.go} {@code foldFunc}): {@code "To"}, {@code "TO"} and
 * {@code "tO"} all fill {@code to}; each key fills its field in turn, so of {@code "to"} and
 * {@code "To"} the later wins. Keys naming no field are kept as sent (Go ignores them; nothing
 * here reads them). Map-typed values ({@code map[common.Address]account}) are not structs and
 * are never folded.
 */
final class GoKeys {
  private GoKeys() {}

  /** {@code object} with every key that names one of {@code fields} renamed to the field. */
  static JsonNode canonical(JsonNode object, List<String> fields) {
    if (!object.isObject()) {
      return object;
    }
    ObjectNode out = Json.MAPPER.createObjectNode();
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      String name = field(entry.getKey(), fields);
      out.remove(name);
      out.set(name, entry.getValue());
    }
    return out;
  }

  private static String field(String key, List<String> fields) {
    if (fields.contains(key)) {
      return key;
    }
    String folded = fold(key);
    return fields.stream().filter(f -> fold(f).equals(folded)).findFirst().orElse(key);
  }

  /**
   * Simple case folding as far as it reaches ASCII field names: ASCII letters, and the two other
   * code points that fold to one ({@code fold.go}: KELVIN SIGN to k, LATIN SMALL LETTER LONG S
   * to s).
   */
  static String fold(String s) {
    StringBuilder folded = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c ->
                folded.appendCodePoint(
                    c == 0x212A ? 'k' : c == 0x17F ? 's' : c < 0x80 ? Character.toLowerCase(c) : c));
    return folded.toString();
  }
}
