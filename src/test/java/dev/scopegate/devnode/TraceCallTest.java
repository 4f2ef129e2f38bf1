package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** debug_traceCall with prestateTracer and callTracer: every account a call touches. */
class TraceCallTest extends DevNodeTestBase {
  static final Map<String, String> PRESTATE = Map.of("tracer", "prestateTracer");
  static final Map<String, String> CALL_TRACER = ContractBehaviourTest.CALL_TRACER;

  @Test
  void aReachersPrestateHoldsTheSenderItselfAndItsTarget() {
    Scenario scenario = seed();
    String reacher = scenario.reacher().address().hex();
    String target = scenario.privateB().address().hex();

    JsonNode prestate = trace(tx("from", NODE1, "to", reacher, "data", "0x01"), PRESTATE);
    assertEquals(List.of(NODE1, reacher, target), TraceTest.iterable(prestate.fieldNames()));
    JsonNode sender = prestate.get(NODE1);
    assertEquals(List.of("balance", "nonce", "code", "storage"), fields(sender));
    assertEquals(hex(GENESIS_BALANCE), sender.get("balance").asText());
    assertTrue(sender.get("nonce").isNumber());
    assertEquals(
        node.chain().account(Address.of(NODE1), node.chain().head().number()).nonce(),
        sender.get("nonce").asLong());
    assertEquals("0x", sender.get("code").asText());
    assertEquals(0, sender.get("storage").size());
    assertEquals(code(scenario.reacher().address()), prestate.get(reacher).get("code").asText());
    assertEquals(1, prestate.get(reacher).get("nonce").asLong());
    assertEquals(0, prestate.get(reacher).get("storage").size());
    JsonNode targetStorage = prestate.get(target).get("storage");
    assertEquals("0x6080604052bb", prestate.get(target).get("code").asText());
    assertEquals(word("0x6080604052bb"), targetStorage.get("0x" + "0".repeat(64)).asText());
  }

  @Test
  void aCodeReadersTargetIsInThePrestateButNotInTheFrames() {
    Scenario scenario = seed();
    String reader = scenario.codeReader().address().hex();
    String target = scenario.privateB().address().hex();
    Map<String, Object> call = tx("from", NODE1, "to", reader, "data", "0x");

    JsonNode prestate = trace(call, PRESTATE);
    assertEquals(List.of(NODE1, reader, target), TraceTest.iterable(prestate.fieldNames()));
    assertEquals(0, prestate.get(target).get("storage").size());
    JsonNode frame = trace(call, CALL_TRACER);
    assertEquals(reader, frame.get("to").asText());
    assertEquals("0x6080604052bb", frame.get("output").asText());
    assertFalse(frame.has("calls"));
  }

  @Test
  void theCallTracerShowsTheReachedTargetAsAnInnerCall() {
    Scenario scenario = seed();
    String reacher = scenario.reacher().address().hex();

    JsonNode frame = trace(tx("from", NODE2, "to", reacher, "data", "0x0102"), CALL_TRACER);
    assertEquals(
        List.of(
            "type", "from", "to", "value", "gas", "gasUsed", "input", "output", "time", "calls"),
        fields(frame));
    assertEquals("CALL", frame.get("type").asText());
    assertEquals(NODE2, frame.get("from").asText());
    assertEquals("0x17d7840", frame.get("gas").asText()); // the RPC gas cap, 25,000,000
    assertEquals(hex(21_000 + 2 * 16), frame.get("gasUsed").asText());
    JsonNode inner = frame.get("calls").get(0);
    assertEquals(reacher, inner.get("from").asText());
    assertEquals(scenario.privateB().address().hex(), inner.get("to").asText());
    assertEquals("0x0102", inner.get("input").asText());
    assertEquals(word("0x6080604052bb"), inner.get("output").asText());
    assertEquals(inner.get("output"), frame.get("output"));
  }

  @Test
  void theSenderDefaultsToTheZeroAddress() {
    Scenario scenario = seed();
    String zero = Address.ZERO.hex();

    JsonNode prestate = trace(tx("to", scenario.privateA().address().hex()), PRESTATE);
    assertEquals(
        List.of(zero, scenario.privateA().address().hex()),
        TraceTest.iterable(prestate.fieldNames()));
    assertEquals("0x0", prestate.get(zero).get("balance").asText());
  }

  @Test
  void aTraceSeesTheBlockAskedFor() {
    Scenario scenario = seed(); // the reacher is created in block 6
    String reacher = scenario.reacher().address().hex();

    JsonNode before =
        client.result("debug_traceCall", tx("from", NODE1, "to", reacher), "0x5", PRESTATE);
    assertEquals(List.of(NODE1, reacher), TraceTest.iterable(before.fieldNames()));
    assertEquals("0x", before.get(reacher).get("code").asText());
    JsonNode missing = client.error("debug_traceCall", tx("to", reacher), "0x99", PRESTATE);
    assertEquals("block #153 not found", missing.get("message").asText());
  }

  @Test
  void withoutATracerTheStructLoggerReportsTheOutput() {
    Scenario scenario = seed();
    JsonNode result =
        client.result("debug_traceCall", tx("to", scenario.privateA().address().hex()), "latest");
    assertEquals(21_000, result.get("gas").asLong());
    assertFalse(result.get("failed").asBoolean());
    assertEquals(word("0x6080604052aa").substring(2), result.get("returnValue").asText());
    assertEquals(0, result.get("structLogs").size());
  }

  @Test
  void thePrestateTracerServesMinedTransactionsToo() {
    String hash = send("from", NODE1, "to", STRANGER);
    JsonNode prestate = client.result("debug_traceTransaction", hash, PRESTATE);
    assertTrue(prestate.has(NODE1.toLowerCase()), prestate.toString());
    assertTrue(prestate.has(STRANGER.toLowerCase()), prestate.toString());
    assertEquals(2, prestate.size(), prestate.toString());
  }

  private JsonNode trace(Map<String, Object> call, Map<String, String> tracer) {
    return client.result("debug_traceCall", call, "latest", tracer);
  }

  static List<String> fields(JsonNode object) {
    return TraceTest.iterable(object.fieldNames());
  }
}
