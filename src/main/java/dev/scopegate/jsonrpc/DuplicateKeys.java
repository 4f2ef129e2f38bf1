package dev.scopegate.jsonrpc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds the top-level elements of a body that repeat a key in any object. Jackson can fail a
 * whole parse on a duplicate, but a batch must reject only the element that carries one, so
 * this streaming pass marks elements instead.
 */
final class DuplicateKeys {
  private DuplicateKeys() {}

  /**
   * For a batch, bit {@code i} is set when element {@code i} repeats a key; for a single value,
   * bit 0. Throws on malformed JSON.
   */
  static BitSet scan(byte[] body) throws IOException {
    BitSet marked = new BitSet();
    try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
      Deque<Set<String>> objects = new ArrayDeque<>();
      boolean batch = false;
      int element = -1;
      int depth = 0;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
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
            if (!objects.peek().add(parser.currentName())) {
              marked.set(Math.max(element, 0));
            }
          }
          default -> {
            if (depth == 1 && batch) {
              element++;
            }
          }
        }
      }
    }
    return marked;
  }
}
