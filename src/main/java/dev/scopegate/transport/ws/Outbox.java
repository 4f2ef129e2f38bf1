package dev.scopegate.transport.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.Json;

/** Where a connection's messages go; a full queue closes the connection ("too slow"). */
public interface Outbox {
  /** Sends one JSON value; false when the client was too slow and the connection is closing. */
  default boolean send(JsonNode message) {
    return sendText(Json.string(message));
  }

  /** Sends one JSON value already written as text; false as for {@link #send}. */
  boolean sendText(String json);
}
