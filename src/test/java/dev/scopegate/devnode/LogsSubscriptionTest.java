package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LogsSubscriptionTest extends WsTestBase {
  private static final String CALLED = Behaviours.CALLED.hex();
  private static final String OTHER_TOPIC = "0x" + "ab".repeat(32);

  @Test
  void oneNotificationPerMatchingLogInOrderShapedAsInTheReceipt() {
    String watched = publicContract();
    String unwatched = publicContract();
    NodeWsClient ws = connect();
    String id = ws.subscribe("logs", Map.of("address", watched));

    String first = send("from", NODE1, "to", watched, "data", "0x01");
    send("from", NODE1, "to", unwatched, "data", "0x02");
    String second = send("from", NODE1, "to", watched, "data", "0x03");

    for (String hash : List.of(first, second)) {
      JsonNode params = ws.notification();
      assertEquals(id, params.get("subscription").asText());
      assertEquals(onlyLog(hash), params.get("result"));
    }
    ws.assertNoNotification();
  }

  @Test
  void privateLogsOfTheNodesContractsAreIncluded() {
    String contract = privateContract();
    NodeWsClient ws = connect();
    ws.subscribe("logs", Map.of("address", List.of(contract, STRANGER)));

    String call = send("from", NODE1, "to", contract, "data", "0x0102", "privateFor", List.of(KB));

    JsonNode log = ws.notification().get("result");
    assertEquals(onlyLog(call), log);
    assertEquals(contract, log.get("address").asText());
    assertEquals("0x0102", log.get("data").asText());
    assertEquals(false, log.get("removed").asBoolean());
  }

  @Test
  void topicsMatchByPositionWithAlternativesAndWildcards() {
    String contract = publicContract();
    NodeWsClient ws = connect();
    String exact = ws.subscribe("logs", Map.of("topics", List.of(CALLED)));
    String either = ws.subscribe("logs", Map.of("topics", List.of(List.of(OTHER_TOPIC, CALLED))));
    String other = ws.subscribe("logs", Map.of("topics", List.of(OTHER_TOPIC)));
    String tooMany = ws.subscribe("logs", Map.of("topics", Arrays.asList(null, null)));
    String wildcard = ws.subscribe("logs", Map.of("topics", Arrays.asList((Object) null)));

    send("from", NODE1, "to", contract, "data", "0x01");

    Set<String> notified = new HashSet<>();
    notified.add(ws.notification().get("subscription").asText());
    notified.add(ws.notification().get("subscription").asText());
    notified.add(ws.notification().get("subscription").asText());
    assertEquals(Set.of(exact, either, wildcard), notified);
    ws.assertNoNotification(); // not to other, nor to tooMany: the log has one topic
  }

  @Test
  void aReorganisationRemovesTheDroppedLogsThenSendsTheNewChains() {
    String publicOne = publicContract();
    String privateOne = privateContract();
    NodeWsClient ws = connect();
    ws.subscribe("logs", Map.of());
    String publicCall = send("from", NODE1, "to", publicOne, "data", "0x01");
    String privateCall =
        send("from", NODE1, "to", privateOne, "data", "0x02", "privateFor", List.of(KB));
    JsonNode publicLog = onlyLog(publicCall);
    JsonNode privateLog = onlyLog(privateCall);
    assertEquals(publicLog, ws.notification().get("result"));
    assertEquals(privateLog, ws.notification().get("result"));

    TransactionRequest again =
        TransactionRequest.call(Address.of(NODE1), Address.of(publicOne), "0x03");
    Block replacement = node.chain().reorg(2, List.of(List.of(again))).get(0);

    assertEquals(removed(publicLog), ws.notification().get("result"));
    assertEquals(removed(privateLog), ws.notification().get("result"));
    JsonNode reborn = ws.notification().get("result");
    assertEquals(onlyLog(replacement.transactions().get(0).hash().hex()), reborn);
    assertEquals(replacement.hash().hex(), reborn.get("blockHash").asText());
    ws.assertNoNotification();
  }

  private static JsonNode removed(JsonNode log) {
    return ((ObjectNode) log.deepCopy()).put("removed", true);
  }
}
