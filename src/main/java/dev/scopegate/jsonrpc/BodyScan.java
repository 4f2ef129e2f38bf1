package dev.scopegate.jsonrpc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a tree of the body cannot tell, found in one streaming pass (it was two, one per
 * question, each parsing the body again):
 * <ul>
 *   <li>which top-level elements repeat a key in any object: Jackson can fail a whole parse on a
 *       duplicate, but a batch must reject only the element that carries one;</li>
 *   <li>the text of each top-level element's numeric {@code id}, as sent: a tree keeps only the
 *       value, and the answer must carry the id's exact bytes.</li>
 * </ul>
 */
final class BodyScan {
  /**
   * {@code duplicates}: for a batch, bit {@code i} is set when element {@code i} repeats a key;
   * for a single value, bit 0. {@code idTexts}: element index (0 for a single value) → the id's
   * number text.
   */
  record Found(BitSet duplicates, Map<Integer, String> idTexts) {}

  private BodyScan() {}

  /** Throws on malformed JSON. */
  static Found scan(byte[] body) throws IOException {
    BitSet marked = new BitSet();
    Map<Integer, String> texts = null;
    try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
      Deque<Set<String>> objects = new ArrayDeque<>();
      boolean batch = false;
      boolean idNext = false;
      int element = 0;
      int depth = 0;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        boolean wasId = idNext;
        idNext = false;
        switch (token) {
          case START_ARRAY, START_OBJECT -> {
            if (depth == 0) {
              batch = token == JsonToken.START_ARRAY;
              element = batch ? -1 : 0;
            } else if (depth == 1 && batch) {
              element++;
            }
            if (token == JsonToken.START_OBJECT) {
              objects.push(new HashSet<>());
            }
            depth++;
          }
          case END_ARRAY, END_OBJECT -> {
            if (token == JsonToken.END_OBJECT) {
              objects.pop();
            }
            depth--;
          }
          case FIELD_NAME -> {
            String name = parser.currentName();
            if (!objects.peek().add(name)) {
              marked.set(Math.max(element, 0));
            }
            idNext = depth == (batch ? 2 : 1) && "id".equals(name);
          }
          default -> {
            if (depth == 1 && batch) {
              element++;
            }
            if (wasId && token.isNumeric()) {
              if (texts == null) {
                texts = new HashMap<>();
              }
              texts.put(element, parser.getText());
            }
          }
        }
      }
    }
    return new Found(marked, texts == null ? Map.of() : texts);
  }
}
