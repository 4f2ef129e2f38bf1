package dev.scopegate.upstream.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.Json;

/**
 * The {@code result} of one notification from the node, as every sink sharing the subscription
 * receives it. Its JSON text is written at most once however many clients it goes to (10 000
 * {@code newHeads} subscribers wrote the same header 10 000 times); the tree is not changed after
 * it was parsed, so the text stays the tree's.
 */
public final class Notification {
  private final JsonNode result;
  // written by whichever thread asks first; a race writes the same text twice, never another
  private volatile String json;

  private Notification(JsonNode result) {
    this.result = result;
  }

  public static Notification of(JsonNode result) {
    return new Notification(result);
  }

  public JsonNode result() {
    return result;
  }

  /** The result as {@link Json#string} writes it, computed on first use. */
  public String json() {
    String text = json;
    if (text == null) {
      text = Json.string(result);
      json = text;
    }
    return text;
  }
}
