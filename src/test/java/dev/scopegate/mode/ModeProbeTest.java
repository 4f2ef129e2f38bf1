package dev.scopegate.mode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.upstream.Answer;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What each answer to eth_getPSI for a PSI that cannot exist tells (GoQuorum core/multiple_psm.go,
 * core/default_psm.go); anything else tells nothing.
 */
class ModeProbeTest {
  private static final String PROBE = "scopegate-probe-00aa";

  private static Answer error(int code, String message) {
    return new Answer(null, Json.MAPPER.createObjectNode().put("code", code).put("message", message));
  }

  @Test
  void answers() {
    assertEquals(EnumSet.of(NodeMode.MPS),
        ModeProbe.decide(error(-32000, "unable to find private state for context psi " + PROBE), PROBE));
    assertEquals(EnumSet.of(NodeMode.MPS),
        ModeProbe.decide(error(-32000, "Unable to find private state for context psi " + PROBE), PROBE));
    assertEquals(EnumSet.of(NodeMode.SINGLE), ModeProbe.decide(new Answer(TextNode.valueOf(PROBE), null), PROBE));
    assertEquals(EnumSet.of(NodeMode.SINGLE, NodeMode.PUBLIC),
        ModeProbe.decide(error(-32601, "the method eth_getPSI does not exist/is not available"), PROBE));
    // not definite: another PSI named, another error, another state's name
    assertEquals(Set.of(), ModeProbe.decide(error(-32000, "unable to find private state for context psi other"), PROBE));
    assertEquals(Set.of(), ModeProbe.decide(error(-32000, "database closed"), PROBE));
    assertEquals(Set.of(), ModeProbe.decide(new Answer(TextNode.valueOf("private"), null), PROBE));
  }
}
