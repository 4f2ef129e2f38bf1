package dev.scopegate.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads callTracer output: the contracts a transaction's frames created (CREATE, CREATE2). */
final class TraceFrames {
  private TraceFrames() {}

  /** The addresses created by the transaction at {@code index} of a block trace (null: none). */
  static List<String> creations(JsonNode blockTrace, int index) {
    List<String> found = new ArrayList<>();
    if (blockTrace == null || !blockTrace.isArray() || index >= blockTrace.size()) {
      return found;
    }
    JsonNode item = blockTrace.get(index);
    collect(item.has("result") ? item.get("result") : item, found);
    return found;
  }

  private static void collect(JsonNode frame, List<String> into) {
    String type = frame.path("type").asText("");
    JsonNode to = frame.get("to");
    if ((type.equals("CREATE") || type.equals("CREATE2")) && to != null && !to.isNull()) {
      into.add(ChainFormat.lower(to));
    }
    for (JsonNode call : frame.path("calls")) {
      collect(call, into);
    }
  }
}
