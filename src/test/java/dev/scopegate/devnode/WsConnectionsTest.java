package dev.scopegate.devnode;

import static dev.scopegate.devnode.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.http.WebSocketHandshakeException;
import org.junit.jupiter.api.Test;

class WsConnectionsTest extends WsTestBase {
  @Test
  void openConnectionsAreCounted() {
    assertEquals(0, node.wsConnections());
    connect().result("eth_blockNumber");
    connect().result("eth_blockNumber");

    assertEquals(2, node.wsConnections());
  }

  @Test
  void droppingClosesEverySocketGoingAwayAndEndsItsSubscriptions() {
    NodeWsClient first = connect();
    NodeWsClient second = connect();
    first.subscribe("newHeads");

    await(node.dropWebSockets());

    assertEquals(1001, first.closeStatus());
    assertEquals(1001, second.closeStatus());
    assertEquals(0, node.wsConnections());
    NodeWsClient reconnected = connect();
    String id = reconnected.subscribe("newHeads");
    send("from", NODE1, "to", STRANGER);
    assertEquals(id, reconnected.notification().get("subscription").asText());
    reconnected.assertNoNotification();
  }

  @Test
  void whileUnavailableUpgradesAreRefusedAndOpenConnectionsStay() {
    NodeWsClient open = connect();

    node.wsAvailable(false);
    Throwable refused = NodeWsClient.refused(node.wsUrl());

    WebSocketHandshakeException handshake =
        assertInstanceOf(WebSocketHandshakeException.class, refused);
    assertEquals(503, handshake.getResponse().statusCode());
    assertEquals("0x0", open.result("eth_blockNumber").asText());
    assertEquals(1, node.wsConnections());
    node.wsAvailable(true);
    assertEquals("0x0", connect().result("eth_blockNumber").asText());
  }
}
