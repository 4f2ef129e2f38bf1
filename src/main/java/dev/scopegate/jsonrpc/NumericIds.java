package dev.scopegate.jsonrpc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The text of each top-level element's numeric {@code id}, as sent. A tree keeps only the value,
 * and the answer must carry the id's exact bytes, so this streaming pass keeps the text.
 */
final class NumericIds {
  private NumericIds() {}

  /** Element index (0 for a single value) → the id's number text. Throws on malformed JSON. */
  static Map<Integer, String> scan(byte[] body) throws IOException {
    Map<Integer, String> texts = new HashMap<>();
    try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
      boolean batch = false;
      boolean idNext = false;
      int element = 0;
      int depth = 0;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        boolean wasId = idNext;
        idNext = false;
        if (depth == 0) {
          batch = token == JsonToken.START_ARRAY;
          element = batch ? -1 : 0;
        } else if (depth == 1 && batch && !token.isStructEnd()) {
          element++;
        }
        if (token.isStructStart()) {
          depth++;
        } else if (token.isStructEnd()) {
          depth--;
        } else if (token == JsonToken.FIELD_NAME) {
          idNext = depth == (batch ? 2 : 1) && "id".equals(parser.currentName());
        } else if (wasId && token.isNumeric()) {
          texts.put(element, parser.getText());
        }
      }
    }
    return texts;
  }
}
