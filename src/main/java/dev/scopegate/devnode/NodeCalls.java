package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Where a dispatcher sends each call: the node's method table, or a connection's view of it. */
@FunctionalInterface
interface NodeCalls {
  /** {@code requestId} is the caller's JSON-RPC id (some methods echo it, e.g. async callbacks). */
  JsonNode call(String method, Optional<JsonNode> params, JsonNode requestId);
}
