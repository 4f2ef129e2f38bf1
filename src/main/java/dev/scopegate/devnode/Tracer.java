package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The tracer a trace config names: none (the struct logger), geth's callTracer or prestateTracer.
 */
enum Tracer {
  STRUCT_LOGGER,
  CALL,
  PRESTATE;

  private static final List<String> FIELDS =
      List.of("tracer", "timeout", "reexec", "stateOverrides", "blockOverrides");

  /** The {@code tracer} of {@code config}; a name the dev node does not run is refused. */
  static Tracer of(Optional<JsonNode> sent) {
    Optional<JsonNode> config = sent.map(Tracer::config);
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

  /**
   * A trace config with its keys matched to eth/tracers/api.go {@code TraceConfig} (and geth
   * 1.10's {@code TraceCallConfig}) as encoding/json matches them ({@link GoKeys}).
   */
  static JsonNode config(JsonNode sent) {
    return GoKeys.canonical(sent, FIELDS);
  }
}
