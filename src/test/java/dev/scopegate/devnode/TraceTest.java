package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ContractUtils;

class TraceTest extends DevNodeTestBase {
  static final Map<String, String> CALL_TRACER = ContractBehaviourTest.CALL_TRACER;

  @Test
  void aPrivateCreationTracesAgainstThePrivateState() {
    String hash = createPrivately(PLAIN_CODE, "privateFor", List.of(KB));

    JsonNode trace = client.result("debug_traceTransaction", hash, CALL_TRACER);
    List<String> fields =
        List.of("type", "from", "to", "value", "gas", "gasUsed", "input", "output", "time");
    assertEquals(fields, iterable(trace.fieldNames()));
    assertEquals("CREATE", trace.get("type").asText());
    assertEquals(NODE1, trace.get("from").asText());
    assertEquals(
        ContractUtils.generateContractAddress(NODE1, BigInteger.ZERO), trace.get("to").asText());
    assertEquals("0x0", trace.get("value").asText());
    assertEquals(receipt(hash).get("gasUsed"), trace.get("gasUsed"));
    assertEquals(PLAIN_CODE, trace.get("input").asText());
    assertEquals(PLAIN_CODE, trace.get("output").asText());
  }

  @Test
  void aTransactionNoManagedKeyIsPartyToTracesAsItStandsOnChain() {
    MinedTransaction mined =
        node.chain()
            .receiveForeignPrivate(
                Address.of(OUTSIDER), Optional.empty(), "0xfac70f", FOREIGN_X, List.of(FOREIGN_Y));

    JsonNode trace =
        client.result("debug_traceTransaction", mined.transaction().hash().hex(), CALL_TRACER);
    assertEquals("CREATE", trace.get("type").asText());
    assertEquals(mined.transaction().input(), trace.get("input").asText());
    assertEquals("0x", trace.get("output").asText());
    assertFalse(trace.has("calls"));
  }

  @Test
  void aBlockTracesAsResultsInTransactionOrder() {
    Address from = Address.of(NODE1);
    Block block =
        node.chain()
            .mineBlock(
                List.of(
                    TransactionRequest.create(from, "0xfac70f"),
                    TransactionRequest.transfer(from, Address.of(STRANGER), BigInteger.TEN)));

    JsonNode byNumber = client.result("debug_traceBlockByNumber", "0x1", CALL_TRACER);
    assertEquals(2, byNumber.size());
    assertEquals(List.of("result"), iterable(byNumber.get(0).fieldNames()));
    assertEquals("CREATE", byNumber.get(0).get("result").get("type").asText());
    assertEquals(1, byNumber.get(0).get("result").get("calls").size());
    assertEquals("CALL", byNumber.get(1).get("result").get("type").asText());
    assertEquals(STRANGER, byNumber.get(1).get("result").get("to").asText());
    assertEquals("0xa", byNumber.get(1).get("result").get("value").asText());
    assertEquals(
        byNumber, client.result("debug_traceBlockByHash", block.hash().hex(), CALL_TRACER));
    assertEquals(byNumber, client.result("debug_traceBlockByNumber", "latest", CALL_TRACER));
  }

  @Test
  void anEmptyBlockTracesAsAnEmptyList() {
    node.chain().mineBlock(List.of());
    assertEquals(0, client.result("debug_traceBlockByNumber", "0x1", CALL_TRACER).size());
  }

  @Test
  void whatCannotBeTracedSaysWhy() {
    String missing = "0x" + "12".repeat(32);
    assertEquals(
        "transaction " + missing + " not found",
        client.error("debug_traceTransaction", missing, CALL_TRACER).get("message").asText());
    assertEquals(
        "block #9 not found",
        client.error("debug_traceBlockByNumber", "0x9", CALL_TRACER).get("message").asText());
    assertEquals(
        "genesis is not traceable",
        client.error("debug_traceBlockByNumber", "0x0", CALL_TRACER).get("message").asText());
  }

  @Test
  void withoutATracerTheStructLoggerHasNoSteps() {
    String hash = send("from", NODE1, "to", STRANGER);
    JsonNode trace = client.result("debug_traceTransaction", hash);
    assertEquals(21_000, trace.get("gas").asLong());
    assertEquals(0, trace.get("structLogs").size());
  }

  static List<String> iterable(java.util.Iterator<String> names) {
    List<String> out = new java.util.ArrayList<>();
    names.forEachRemaining(out::add);
    return out;
  }
}
