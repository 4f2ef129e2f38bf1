package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ContractUtils;
import org.web3j.crypto.Hash;

/** The no-EVM conventions: Called logs, factories and reachers, public and private. */
class ContractBehaviourTest extends DevNodeTestBase {
  static final Map<String, String> CALL_TRACER = Map.of("tracer", "callTracer", "timeout", "10s");

  @Test
  void aCallToAPublicContractLogsItsData() {
    String contract = contractOf(send("from", NODE1, "data", PLAIN_CODE));
    JsonNode receipt = receipt(send("from", NODE1, "to", contract, "data", "0x0102"));

    JsonNode log = receipt.get("logs").get(0);
    assertEquals(contract, log.get("address").asText());
    assertEquals(Hash.sha3String("Called(bytes)"), log.get("topics").get(0).asText());
    assertEquals("0x0102", log.get("data").asText());
    assertEquals(
        receipt.get("logsBloom"),
        client.result("eth_getBlockByNumber", "latest", false).get("logsBloom"));
  }

  @Test
  void aTransferToAnAccountWithoutCodeLogsNothing() {
    assertEquals(
        0, receipt(send("from", NODE1, "to", STRANGER, "value", "0x1")).get("logs").size());
  }

  @Test
  void aPrivateFactoryCreatesItsChildInsideTheTransaction() {
    String hash = createPrivately("0xfac70f01", "privateFor", List.of(KB));
    String factory = ContractUtils.generateContractAddress(NODE1, BigInteger.ZERO);
    String child = ContractUtils.generateContractAddress(factory, BigInteger.ONE);

    assertEquals(factory, contractOf(hash));
    JsonNode trace = client.result("debug_traceTransaction", hash, CALL_TRACER);
    assertEquals("CREATE", trace.get("type").asText());
    assertEquals(factory, trace.get("to").asText());
    JsonNode inner = trace.get("calls").get(0);
    assertEquals("CREATE", inner.get("type").asText());
    assertEquals(factory, inner.get("from").asText());
    assertEquals(child, inner.get("to").asText());
    assertFalse(inner.has("calls"));
    assertEquals("0xc41d00", client.result("eth_getCode", child, "latest").asText());
    assertEquals("0x2", client.result("eth_getTransactionCount", factory, "latest").asText());
  }

  @Test
  void aPublicFactoryWorksTheSameInThePublicState() {
    String hash = send("from", NODE2, "data", "0xfac70f");
    String factory = ContractUtils.generateContractAddress(NODE2, BigInteger.ZERO);
    String child = ContractUtils.generateContractAddress(factory, BigInteger.ONE);

    JsonNode trace = client.result("debug_traceTransaction", hash, CALL_TRACER);
    assertEquals(child, trace.get("calls").get(0).get("to").asText());
    assertEquals(factory, contractOf(hash));
    long head = node.chain().head().number();
    assertEquals("0xc41d00", node.chain().account(Address.of(child), head).code());
  }

  @Test
  void aReacherCallsItsTargetWhichLogsToo() {
    String target = contractOf(createPrivately(PLAIN_CODE, "privateFor", List.of(KB)));
    String reacher =
        contractOf(createPrivately("0x4eac4e" + target.substring(2), "privateFor", List.of(KB)));
    String call = send("from", NODE1, "to", reacher, "data", "0x77", "privateFor", List.of(KB));

    JsonNode trace = client.result("debug_traceTransaction", call, CALL_TRACER);
    assertEquals("CALL", trace.get("type").asText());
    assertEquals(reacher, trace.get("to").asText());
    JsonNode inner = trace.get("calls").get(0);
    assertEquals("CALL", inner.get("type").asText());
    assertEquals(reacher, inner.get("from").asText());
    assertEquals(target, inner.get("to").asText());
    assertEquals("0x77", inner.get("input").asText());
    JsonNode logs = receipt(call).get("logs");
    assertEquals(2, logs.size());
    assertEquals(reacher, logs.get(0).get("address").asText());
    assertEquals(target, logs.get(1).get("address").asText());
    assertEquals("0x1", logs.get(1).get("logIndex").asText());
  }
}
