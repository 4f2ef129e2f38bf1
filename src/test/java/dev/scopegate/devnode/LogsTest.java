package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** eth_getLogs as geth answers it, private logs of this node's parties included. */
class LogsTest extends DevNodeTestBase {
  static final String CALLED = PrivateTransactionTest.CALLED;
  static final String OTHER_TOPIC = "0x" + "ab".repeat(32);

  @Test
  void everyContractsLogIsTherePrivateOnesIncluded() {
    Scenario scenario = seed();

    JsonNode logs = logs(Map.of("fromBlock", "0x0"));
    // one per call, and the reacher's call logs from B's contract too
    assertEquals(9, logs.size());
    List<String> addresses = new ArrayList<>();
    logs.forEach(log -> addresses.add(log.get("address").asText()));
    for (Scenario.Deployed contract : scenario.contracts()) {
      assertEquals(true, addresses.contains(contract.address().hex()), contract.toString());
    }
  }

  @Test
  void aLogHasGethsFields() {
    Scenario scenario = seed();
    MinedTransaction call = node.chain().transaction(scenario.privateA().call()).orElseThrow();

    String address = scenario.privateA().address().hex();
    JsonNode log = logs(Map.of("fromBlock", "0x0", "address", address)).get(0);
    assertEquals(
        List.of(
            "address",
            "topics",
            "data",
            "blockNumber",
            "transactionHash",
            "transactionIndex",
            "blockHash",
            "logIndex",
            "removed"),
        TraceCallTest.fields(log));
    assertEquals(scenario.privateA().address().hex(), log.get("address").asText());
    assertEquals(CALLED, log.get("topics").get(0).asText());
    assertEquals("0xca1100", log.get("data").asText());
    assertEquals(hex(call.block().number()), log.get("blockNumber").asText());
    assertEquals(call.block().hash().hex(), log.get("blockHash").asText());
    assertEquals(scenario.privateA().call().hex(), log.get("transactionHash").asText());
    assertEquals("0x0", log.get("transactionIndex").asText());
    assertEquals("0x0", log.get("logIndex").asText());
    assertEquals(false, log.get("removed").asBoolean());
    assertEquals(receipt(scenario.privateA().call().hex()).get("logs").get(0), log);
  }

  @Test
  void addressesSelectOneOrAny() {
    Scenario scenario = seed();
    String b = scenario.privateB().address().hex();

    JsonNode logsOfB = logs(Map.of("fromBlock", "earliest", "address", b));
    assertEquals(2, logsOfB.size());
    assertEquals(scenario.privateB().call().hex(), logsOfB.get(0).get("transactionHash").asText());
    assertEquals(scenario.reacher().call().hex(), logsOfB.get(1).get("transactionHash").asText());
    List<String> two =
        List.of(scenario.privateA().address().hex(), scenario.publicContract().address().hex());
    assertEquals(2, logs(Map.of("fromBlock", "0x0", "address", two)).size());
  }

  @Test
  void topicsMatchByPositionWithNullAsAny() {
    seed();

    assertEquals(9, logs(Map.of("fromBlock", "0x0", "topics", List.of(CALLED))).size());
    assertEquals(
        9,
        logs(Map.of("fromBlock", "0x0", "topics", List.of(List.of(OTHER_TOPIC, CALLED)))).size());
    assertEquals(
        9, logs(Map.of("fromBlock", "0x0", "topics", Arrays.asList((Object) null))).size());
    assertEquals(
        9,
        logs(Map.of("fromBlock", "0x0", "topics", List.of(Arrays.asList(OTHER_TOPIC, null))))
            .size());
    assertEquals(0, logs(Map.of("fromBlock", "0x0", "topics", List.of(OTHER_TOPIC))).size());
    assertEquals(0, logs(Map.of("fromBlock", "0x0", "topics", Arrays.asList(null, CALLED))).size());
  }

  @Test
  void aBlockHashOrARangeSelectsBlocks() {
    Scenario scenario = seed();
    MinedTransaction reach = node.chain().transaction(scenario.reacher().call()).orElseThrow();
    String number = hex(reach.block().number());

    assertEquals(2, logs(Map.of("blockHash", reach.block().hash().hex())).size());
    assertEquals(2, logs(Map.of("fromBlock", number, "toBlock", number)).size());
    assertEquals(1, logs(Map.of()).size()); // latest: the code reader's call
    assertEquals(0, logs(Map.of("fromBlock", "0x1", "toBlock", "0x7")).size()); // creations
    assertEquals(0, logs(Map.of("fromBlock", "0x99")).size());
    assertEquals(9, logs(Map.of("fromBlock", "0x0", "toBlock", "0x99")).size());
  }

  @Test
  void aPrivateTransactionThisNodeIsNotPartyToHasNoLogs() {
    Scenario scenario = seed();
    MinedTransaction foreign =
        node.chain()
            .receiveForeignPrivate(
                Address.of(OUTSIDER),
                Optional.of(scenario.privateA().address()),
                "0x01",
                FOREIGN_X,
                List.of(FOREIGN_Y));

    assertEquals(0, logs(Map.of("blockHash", foreign.block().hash().hex())).size());
  }

  @Test
  void badCriteriaAreRefusedWithGethsWords() {
    assertEquals(
        "unknown block",
        client
            .error("eth_getLogs", Map.of("blockHash", "0x" + "12".repeat(32)))
            .get("message")
            .asText());
    assertEquals(
        "invalid argument 0: cannot specify both BlockHash and FromBlock/ToBlock, choose one or"
            + " the other",
        error(Map.of("blockHash", "0x" + "12".repeat(32), "fromBlock", "0x1")));
    assertEquals(
        "invalid argument 0: invalid address: hex has invalid length 2 after decoding; expected 20"
            + " for address",
        error(Map.of("address", "0x1234")));
    assertEquals(
        "invalid argument 0: non-string address at index 0", error(Map.of("address", List.of(1))));
    assertEquals(
        "invalid argument 0: hex has invalid length 1 after decoding; expected 32 for topic",
        error(Map.of("topics", List.of("0x12"))));
    assertEquals("invalid argument 0: invalid topic(s)", error(Map.of("topics", List.of(1))));
  }

  private JsonNode logs(Map<String, ?> criteria) {
    return client.result("eth_getLogs", criteria);
  }

  private String error(Map<String, ?> criteria) {
    JsonNode error = client.error("eth_getLogs", criteria);
    assertEquals(-32602, error.get("code").asInt());
    return error.get("message").asText();
  }
}
