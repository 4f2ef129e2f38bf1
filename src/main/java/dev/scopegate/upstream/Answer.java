package dev.scopegate.upstream;

import com.fasterxml.jackson.databind.JsonNode;

/** The node's answer to one call: its result, or its error object exactly as sent. */
public record Answer(JsonNode result, JsonNode error) {
  public boolean isError() {
    return error != null;
  }
}
