package dev.scopegate.upstream.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.Json;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

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
  private Map<Object, Object> decided; // guarded by this

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

  /**
   * What {@code decide} answers for {@code key}, asked once per notification: subscribers whose
   * keys are equal share the answer (a tenant's visibility of one log, asked by each of its
   * subscriptions). Only a pure function of the key and this notification may be shared.
   */
  @SuppressWarnings("unchecked")
  public synchronized <K, V> V decidedOnce(K key, Function<K, V> decide) {
    if (decided == null) {
      decided = new HashMap<>();
    }
    return (V) decided.computeIfAbsent(key, k -> decide.apply(key));
  }
}
