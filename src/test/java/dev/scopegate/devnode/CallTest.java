package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** eth_call and eth_estimateGas: run at a block, never mined, private state where it lives. */
class CallTest extends DevNodeTestBase {
  @Test
  void aContractReturnsTheWordItStores() {
    Scenario scenario = seed();
    String code = code(scenario.privateA().address());

    assertEquals(word(code), call(scenario.privateA().address(), "0x01", "latest"));
    assertEquals(word("0x6080604052aa"), word(code));
  }

  @Test
  void aPrivateReacherReachesItsTargetAndReturnsItsWord() {
    Scenario scenario = seed();
    String targetWord = word(code(scenario.privateB().address()));

    assertEquals(targetWord, call(scenario.reacher().address(), "0x01", "latest"));
  }

  @Test
  void aCodeReaderReturnsItsTargetsCode() {
    Scenario scenario = seed();

    assertEquals("0x6080604052bb", call(scenario.codeReader().address(), "0x", "latest"));
  }

  @Test
  void aPublicContractCannotReachThePrivateState() {
    Scenario scenario = seed();
    String target = scenario.privateB().address().hex().substring(2);
    String reacher = contractOf(send("from", NODE1, "data", "0x4eac4e" + target));

    assertEquals("0x", call(Address.of(reacher), "0x01", "latest"));
    JsonNode trace =
        client.result(
            "debug_traceCall",
            tx("to", reacher, "data", "0x01"),
            "latest",
            ContractBehaviourTest.CALL_TRACER);
    assertEquals("0x", trace.get("calls").get(0).get("output").asText());
  }

  @Test
  void aCallSeesTheStateOfTheBlockAskedFor() {
    Scenario scenario = seed(); // block 1 creates privateA, block 2 privateB, block 6 the reacher
    String wordA = word("0x6080604052aa");

    assertEquals("0x", call(scenario.privateA().address(), "0x01", "0x0"));
    assertEquals(wordA, call(scenario.privateA().address(), "0x01", "0x1"));
    assertEquals("0x", call(scenario.reacher().address(), "0x01", "0x5"));
    assertEquals(word("0x6080604052bb"), call(scenario.reacher().address(), "0x01", "0x6"));
    String blockHash = node.chain().block(1).orElseThrow().hash().hex();
    assertEquals(
        wordA,
        client
            .result(
                "eth_call",
                tx("to", scenario.privateA().address().hex()),
                Map.of("blockHash", blockHash))
            .asText());
  }

  @Test
  void aCallChangesNothing() {
    Scenario scenario = seed();
    long head = node.chain().head().number();
    String nonce = client.result("eth_getTransactionCount", NODE1, "latest").asText();

    call(scenario.reacher().address(), "0x01", "latest");
    assertEquals(head, node.chain().head().number());
    assertEquals(nonce, client.result("eth_getTransactionCount", NODE1, "latest").asText());
  }

  @Test
  void anAccountWithoutCodeReturnsNothing() {
    assertEquals("0x", call(Address.of(STRANGER), "0x01", "latest"));
  }

  @Test
  void aCreationReturnsTheCodeItWouldStore() {
    assertEquals(PLAIN_CODE, client.result("eth_call", tx("data", PLAIN_CODE), "latest").asText());
  }

  @Test
  void tooLittleGasAndAMissingBlockAreRefused() {
    JsonNode lowGas = client.error("eth_call", tx("to", STRANGER, "gas", "0x5207"), "latest");
    assertEquals(-32000, lowGas.get("code").asInt());
    assertEquals("intrinsic gas too low", lowGas.get("message").asText());
    JsonNode noBlock = client.error("eth_call", tx("to", STRANGER));
    assertEquals(-32602, noBlock.get("code").asInt());
    assertEquals("missing value for required argument 1", noBlock.get("message").asText());
  }

  @Test
  void anEstimateAllowsForAPrivatePayloadHashUnlessEtherIsSent() {
    assertEquals("0x5608", estimate(tx("to", STRANGER, "data", "0xcafe"))); // 21000 + 64 * 16
    assertEquals("0x5208", estimate(tx("to", STRANGER, "value", "0x1")));
    assertEquals("0xd308", estimate(tx("data", PLAIN_CODE))); // 53000 + 64 * 16
    String long100 = "0x" + "ff".repeat(100);
    assertEquals(hex(21_000 + 100 * 16), estimate(tx("to", STRANGER, "data", long100)));
    assertEquals("0x5608", client.result("eth_estimateGas", tx("to", STRANGER), "latest").asText());
  }

  @Test
  void anEstimateBeyondTheGivenGasFails() {
    JsonNode error =
        client.error("eth_estimateGas", tx("to", STRANGER, "gas", "0x5208", "data", "0xffff"));
    assertEquals(-32000, error.get("code").asInt());
    assertEquals(
        "gas required exceeds allowance (21000) or always failing transaction",
        error.get("message").asText());
  }

  private String call(Address to, String data, String block) {
    return client.result("eth_call", tx("to", to.hex(), "data", data), block).asText();
  }

  private String estimate(Object txObject) {
    return client.result("eth_estimateGas", txObject).asText();
  }
}
