package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The tracer a trace config names: none (the struct logger), geth's callTracer or prestateTracer.
 */
enum Tracer {
  STRUCT_LOGGER,
  CALL,
  PRESTATE;

  /** The {@code tracer} of {@code config}; a name the dev node does not run is refused. */
  static Tracer of(Optional<JsonNode> config) {
    if (config.isEmpty() || !config.get().hasNonNull("tracer")) {
      return STRUCT_LOGGER;
    }
    String name = config.get().get("tracer").asText();
    return switch (name) {
      case "callTracer" -> CALL;
      case "prestateTracer" -> PRESTATE;
      default -> throw NodeError.TRACER_UNSUPPORTED.exception(name);
    };
  }
}
