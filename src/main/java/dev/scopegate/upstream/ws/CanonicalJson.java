package dev.scopegate.upstream.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.jsonrpc.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A text that is the same for equal JSON values whatever their objects' key order, so that
 * {@code {"address":…,"topics":…}} and {@code {"topics":…,"address":…}} share a
 * subscription.
 */
final class CanonicalJson {
  private CanonicalJson() {}

  static String of(JsonNode value) {
    return Json.string(sorted(value));
  }

  private static JsonNode sorted(JsonNode value) {
    if (value.isObject()) {
      List<String> names = new ArrayList<>();
      value.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      ObjectNode out = Json.MAPPER.createObjectNode();
      names.forEach(name -> out.set(name, sorted(value.get(name))));
      return out;
    }
    if (value.isArray()) {
      ArrayNode out = Json.MAPPER.createArrayNode();
      value.forEach(item -> out.add(sorted(item)));
      return out;
    }
    return value;
  }
}
