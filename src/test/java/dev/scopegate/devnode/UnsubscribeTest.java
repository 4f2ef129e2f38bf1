package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class UnsubscribeTest extends WsTestBase {
  @Test
  void afterUnsubscribingNothingMoreArrives() {
    NodeWsClient ws = connect();
    String id = ws.subscribe("newHeads");

    assertTrue(ws.result("eth_unsubscribe", id).asBoolean());
    send("from", NODE1, "to", STRANGER);

    ws.assertNoNotification();
  }

  @Test
  void anIdEndsOnce() {
    NodeWsClient ws = connect();
    String id = ws.subscribe("newPendingTransactions");
    ws.result("eth_unsubscribe", id);

    JsonNode again = ws.error("eth_unsubscribe", id);
    assertEquals(-32000, again.get("code").asInt());
    assertEquals("subscription not found", again.get("message").asText());
  }

  @Test
  void idsBelongToTheirConnection() {
    NodeWsClient owner = connect();
    NodeWsClient other = connect();
    String id = owner.subscribe("newHeads");

    assertEquals(
        "subscription not found", other.error("eth_unsubscribe", id).get("message").asText());
    send("from", NODE1, "to", STRANGER);

    assertEquals(id, owner.notification().get("subscription").asText());
    other.assertNoNotification();
  }

  @Test
  void otherSubscriptionsOfTheConnectionGoOn() {
    NodeWsClient ws = connect();
    String ended = ws.subscribe("newHeads");
    String kept = ws.subscribe("newHeads");
    ws.result("eth_unsubscribe", ended);

    send("from", NODE1, "to", STRANGER);

    assertEquals(kept, ws.notification().get("subscription").asText());
    ws.assertNoNotification();
  }
}
