package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubscriptionTest extends WsTestBase {
  /** go-ethereum's types.Header fields, in its order. */
  private static final List<String> HEADER_FIELDS =
      List.of(
          "parentHash",
          "sha3Uncles",
          "miner",
          "stateRoot",
          "transactionsRoot",
          "receiptsRoot",
          "logsBloom",
          "difficulty",
          "number",
          "gasLimit",
          "gasUsed",
          "timestamp",
          "extraData",
          "mixHash",
          "nonce",
          "hash");

  @Test
  void idsAreGethQuantitiesOf16RandomBytes() {
    NodeWsClient ws = connect();
    String first = ws.subscribe("newHeads");
    String second = ws.subscribe("newHeads");

    assertTrue(first.matches("0x[1-9a-f][0-9a-f]{0,31}"), first);
    assertTrue(second.matches("0x[1-9a-f][0-9a-f]{0,31}"), second);
    assertNotEquals(first, second);
  }

  @Test
  void newHeadsNotifiesEachNewBlockWithItsHeader() {
    NodeWsClient ws = connect();
    String id = ws.subscribe("newHeads");

    send("from", NODE1, "to", STRANGER);
    node.chain().mineBlock(List.of());

    for (String number : List.of("0x1", "0x2")) {
      JsonNode params = ws.notification();
      assertEquals(id, params.get("subscription").asText());
      JsonNode header = params.get("result");
      assertEquals(HEADER_FIELDS, fieldNames(header));
      JsonNode block = client.result("eth_getBlockByNumber", number, false);
      HEADER_FIELDS.forEach(field -> assertEquals(block.get(field), header.get(field), field));
    }
  }

  @Test
  void pendingTransactionsAreAnnouncedBeforeTheirBlock() {
    NodeWsClient ws = connect();
    String pending = ws.subscribe("newPendingTransactions");
    String heads = ws.subscribe("newHeads");

    String hash = send("from", NODE1, "to", STRANGER);

    JsonNode first = ws.notification();
    assertEquals(pending, first.get("subscription").asText());
    assertEquals(hash, first.get("result").asText());
    JsonNode second = ws.notification();
    assertEquals(heads, second.get("subscription").asText());
    assertEquals("0x1", second.get("result").get("number").asText());
  }

  @Test
  void syncingAnswersAnIdAndThenNothingOnANodeThatNeverSyncs() {
    NodeWsClient ws = connect();
    assertTrue(ws.subscribe("syncing").startsWith("0x"));

    send("from", NODE1, "to", STRANGER);

    ws.assertNoNotification();
  }

  @Test
  void aSubscriptionMadeInABatchIsAnnouncedBeforeItsFirstNotification() {
    NodeWsClient ws = connect();
    ws.send(
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"newHeads\"]},"
            + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_sendTransaction\",\"params\":[{"
            + "\"from\":\""
            + NODE1
            + "\",\"to\":\""
            + STRANGER
            + "\"}]}]");

    JsonNode answers = RpcClient.parse(ws.next());
    String id = answers.get(0).get("result").asText();
    JsonNode params = ws.notification();
    assertEquals(id, params.get("subscription").asText());
    assertEquals("0x1", params.get("result").get("number").asText());
  }

  @Test
  void subscribeCallsAreCountedByKind() {
    NodeWsClient ws = connect();
    ws.subscribe("newHeads");
    ws.subscribe("newHeads");
    ws.subscribe("logs", Map.of());
    ws.error("eth_subscribe", "logs");

    assertEquals(2, node.subscribeCount("newHeads"));
    assertEquals(2, node.subscribeCount("logs"));
    assertEquals(0, node.subscribeCount("syncing"));
    assertEquals(4, node.requestCount("eth_subscribe"));
    node.resetRequestCounts();
    assertEquals(0, node.subscribeCount("newHeads"));
  }

  @Test
  void badSubscriptionsFailWithGethsErrors() {
    NodeWsClient ws = connect();
    assertError(
        -32601,
        "no \"newBlocks\" subscription in eth namespace",
        ws.error("eth_subscribe", "newBlocks"));
    assertError(-32602, "missing value for required argument 1", ws.error("eth_subscribe", "logs"));
    assertError(
        -32602,
        "too many arguments, want at most 1",
        ws.error("eth_subscribe", "newHeads", Map.of()));
    assertError(
        -32602, "expected subscription name as first argument", ws.error("eth_subscribe", 1));
    assertError(-32602, "expected subscription name as first argument", ws.error("eth_subscribe"));
    ws.send(
        "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"eth_subscribe\","
            + "\"params\":{\"kind\":\"newHeads\"}}");
    assertError(-32602, "non-array args", ws.nextAnswer().get("error"));
    assertError(
        -32602,
        "invalid argument 1: invalid address: hex string without 0x prefix",
        ws.error("eth_subscribe", "logs", Map.of("address", "ab")));
    assertError(
        -32602,
        "invalid argument 1: hex has invalid length 1 after decoding; expected 32 for topic",
        ws.error("eth_subscribe", "logs", Map.of("topics", List.of("0x01"))));
    assertEquals("0x0", ws.result("eth_blockNumber").asText()); // the connection survives errors
  }

  private static void assertError(int code, String message, JsonNode error) {
    assertEquals(code, error.get("code").asInt(), error::toString);
    assertEquals(message, error.get("message").asText());
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
