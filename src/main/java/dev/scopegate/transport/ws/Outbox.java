package dev.scopegate.transport.ws;

import com.fasterxml.jackson.databind.JsonNode;

/** Where a connection's messages go; a full queue closes the connection ("too slow"). */
public interface Outbox {
  /** Sends one JSON value; false when the client was too slow and the connection is closing. */
  boolean send(JsonNode message);
}
