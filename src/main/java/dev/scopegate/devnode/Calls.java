package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Where a dispatcher sends each call: the node's method table, or a connection's view of it. */
@FunctionalInterface
interface Calls {
  JsonNode call(String method, Optional<JsonNode> params);
}
