package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Polled filters: blocks, pending transactions and logs (private ones too), as geth keeps them. */
class FilterTest extends DevNodeTestBase {
  /** geth's rpc.NewID: 16 random bytes in hex without leading zeros. */
  static final Pattern ID = Pattern.compile("0x(0|[1-9a-f][0-9a-f]{0,31})");

  @Test
  void idsAreGethsRandomHex() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      String id = client.result("eth_newBlockFilter").asText();
      assertTrue(ID.matcher(id).matches(), id);
      ids.add(id);
    }
    assertEquals(20, ids.size());
  }

  @Test
  void aBlockFilterGathersNewBlocksOnce() {
    String id = client.result("eth_newBlockFilter").asText();
    Block first = node.chain().mineBlock(List.of());
    Block second = node.chain().mineBlock(List.of());

    assertEquals(
        RpcClient.parse("[\"" + first.hash().hex() + "\",\"" + second.hash().hex() + "\"]"),
        changes(id));
    assertEquals(0, changes(id).size());
  }

  @Test
  void aPendingTransactionFilterGathersSentTransactions() {
    String id = client.result("eth_newPendingTransactionFilter").asText();
    String hash = send("from", NODE1, "to", STRANGER);

    assertEquals(RpcClient.parse("[\"" + hash + "\"]"), changes(id));
  }

  @Test
  void aLogFilterGathersMatchingLogsPrivateOnesIncluded() {
    String id = client.result("eth_newFilter", Map.of("address", List.of())).asText();
    String ofB =
        client.result("eth_newFilter", Map.of("topics", List.of(LogsTest.CALLED))).asText();
    Scenario scenario = seed();
    String b = scenario.privateB().address().hex();
    String onlyB = client.result("eth_newFilter", Map.of("address", b)).asText();

    JsonNode all = changes(id);
    assertEquals(9, all.size());
    assertEquals(client.result("eth_getLogs", Map.of("fromBlock", "0x0")), all);
    assertEquals(9, changes(ofB).size());
    assertEquals(0, changes(onlyB).size()); // installed after the logs
    String again =
        send("from", NODE2, "to", b, "data", "0x02", "privateFrom", KB, "privateFor", List.of());
    JsonNode later = changes(onlyB);
    assertEquals(1, later.size());
    assertEquals(again, later.get(0).get("transactionHash").asText());
  }

  @Test
  void aLogFilterKeepsToItsRange() {
    String contract = contractOf(send("from", NODE1, "data", PLAIN_CODE));
    long next = node.chain().head().number() + 1;
    String id =
        client.result("eth_newFilter", Map.of("fromBlock", "0x0", "toBlock", hex(next))).asText();
    String inRange = send("from", NODE1, "to", contract, "data", "0x01");
    send("from", NODE1, "to", contract, "data", "0x02");

    JsonNode changes = changes(id);
    assertEquals(1, changes.size());
    assertEquals(inRange, changes.get(0).get("transactionHash").asText());
  }

  @Test
  void filterLogsRunsTheCriteriaOverTheChain() {
    Scenario scenario = seed();
    Map<String, String> criteria =
        Map.of("fromBlock", "0x0", "address", scenario.privateB().address().hex());
    String id = client.result("eth_newFilter", criteria).asText();

    assertEquals(client.result("eth_getLogs", criteria), client.result("eth_getFilterLogs", id));
    assertEquals(2, client.result("eth_getFilterLogs", id).size());
    String blocks = client.result("eth_newBlockFilter").asText();
    assertEquals(
        "filter not found", client.error("eth_getFilterLogs", blocks).get("message").asText());
  }

  @Test
  void aReorganisationResendsDroppedLogsAsRemoved() {
    String contract = contractOf(send("from", NODE1, "data", PLAIN_CODE));
    String id = client.result("eth_newFilter", Map.of()).asText();
    String call = send("from", NODE1, "to", contract, "data", "0x01");
    JsonNode mined = changes(id).get(0);

    node.chain().reorg(1);
    JsonNode dropped = changes(id);
    assertEquals(1, dropped.size());
    assertEquals(call, dropped.get(0).get("transactionHash").asText());
    assertEquals(true, dropped.get(0).get("removed").asBoolean());
    assertEquals(mined.get("blockHash"), dropped.get(0).get("blockHash"));
  }

  @Test
  void uninstalledAndUnknownFiltersAreNotFound() {
    String id = client.result("eth_newBlockFilter").asText();

    assertEquals(true, client.result("eth_uninstallFilter", id).asBoolean());
    assertEquals(false, client.result("eth_uninstallFilter", id).asBoolean());
    JsonNode error = client.error("eth_getFilterChanges", id);
    assertEquals(-32000, error.get("code").asInt());
    assertEquals("filter not found", error.get("message").asText());
    assertNotEquals(id, client.result("eth_newBlockFilter").asText());
  }

  @Test
  void aRangeGethCannotFollowIsRefused() {
    JsonNode error = client.error("eth_newFilter", Map.of("fromBlock", "latest", "toBlock", "0x1"));
    assertEquals(-32000, error.get("code").asInt());
    assertEquals("invalid from and to block combination", error.get("message").asText());
  }

  private JsonNode changes(String id) {
    return client.result("eth_getFilterChanges", id);
  }
}
