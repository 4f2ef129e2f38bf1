package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** A dev node per test, and WebSocket clients of it that are closed after the test. */
abstract class WsTestBase extends DevNodeTestBase {
  private final List<NodeWsClient> clients = new ArrayList<>();

  NodeWsClient connect() {
    NodeWsClient client = NodeWsClient.connect(node.wsUrl());
    clients.add(client);
    return client;
  }

  @AfterEach
  void closeClients() {
    clients.forEach(NodeWsClient::close);
  }

  /** A public contract with {@link #PLAIN_CODE}: every call to it logs {@code Called(bytes)}. */
  String publicContract() {
    return contractOf(send("from", NODE1, "data", PLAIN_CODE));
  }

  /** A private contract between KA (this node) and KB. */
  String privateContract() {
    return contractOf(createPrivately(PLAIN_CODE, "privateFor", List.of(KB)));
  }

  /** The one log of a transaction's receipt (the private receipt for a private transaction). */
  JsonNode onlyLog(String txHash) {
    JsonNode logs = receipt(txHash).get("logs");
    assertEquals(1, logs.size(), logs::toString);
    return logs.get(0);
  }
}
