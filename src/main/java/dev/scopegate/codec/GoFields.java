package dev.scopegate.codec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.RpcError;
import java.util.Iterator;
import java.util.Optional;

/**
 * Reads a field of a JSON object as GoQuorum's {@code encoding/json} does: key names match case
 * insensitively ({@code "To"} fills {@code to}, {@code "callbac\u212AUrl"} fills {@code
 * callbackUrl}), and JSON null is absent. A check that looked only for {@code "to"} would be blind
 * to a {@code "TO"} the node obeys, so two keys naming one field are refused outright.
 */
public final class GoFields {
  private GoFields() {}

  /** The value of {@code name}; empty when absent or null. */
  public static Optional<JsonNode> field(JsonNode object, String name) {
    JsonNode found = null;
    for (Iterator<String> keys = object.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (fold(key).equals(fold(name))) {
        if (found != null) {
          throw RpcError.INVALID_PARAMS.withData("field " + name + " given more than once");
        }
        found = object.get(key);
      }
    }
    return Optional.ofNullable(found).filter(v -> !v.isNull());
  }

  /**
   * Go's simple case folding as far as it reaches ASCII names: ASCII letters, and the only two
   * other code points that fold to ASCII letters, KELVIN SIGN (k) and LATIN SMALL LONG S (s).
   */
  public static String fold(String s) {
    StringBuilder folded = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c ->
                folded.appendCodePoint(
                    c == 0x212A
                        ? 'k'
                        : c == 0x17F ? 's' : c < 0x80 ? Character.toLowerCase(c) : c));
    return folded.toString();
  }
}
