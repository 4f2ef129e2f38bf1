package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class WsCallsTest extends WsTestBase {
  @Test
  void theWebSocketEndpointHasAPortOfItsOwn() {
    assertEquals("ws", node.wsUrl().getScheme());
    assertEquals("127.0.0.1", node.wsUrl().getHost());
    assertEquals("/", node.wsUrl().getPath());
    assertNotEquals(node.httpUrl().getPort(), node.wsUrl().getPort());
  }

  @Test
  void callsOverWebSocketAnswerAsOverHttp() {
    NodeWsClient ws = connect();
    String hash = ws.result("eth_sendTransaction", tx("from", NODE1, "to", STRANGER)).asText();

    assertEquals(receipt(hash), ws.result("eth_getTransactionReceipt", hash));
    assertEquals("0x1", ws.result("eth_blockNumber").asText());
    assertEquals("0x539", ws.result("eth_chainId").asText());
    assertEquals(client.result("eth_accounts"), ws.result("eth_accounts"));
    assertEquals(
        client.error("eth_getBalance", "0x12", "latest"),
        ws.error("eth_getBalance", "0x12", "latest"));
    assertEquals(1, node.requestCount("eth_sendTransaction"));
  }

  @Test
  void aBatchIsAnsweredInOrderInOneMessageWithoutItsNotifications() {
    NodeWsClient ws = connect();
    ws.send(
        "[{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"eth_chainId\"},"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"eth_blockNumber\"},"
            + "{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"no_such\"}]");

    JsonNode answers = RpcClient.parse(ws.next());
    assertEquals(2, answers.size(), answers::toString);
    assertEquals(7, answers.get(0).get("id").asInt());
    assertEquals("0x539", answers.get(0).get("result").asText());
    assertEquals("b", answers.get(1).get("id").asText());
    assertEquals(-32601, answers.get(1).get("error").get("code").asInt());
    assertEquals(
        "the method no_such does not exist/is not available",
        answers.get(1).get("error").get("message").asText());
  }

  @Test
  void eachMessageIsOneJsonValueAndANewlineAsGethWritesThem() {
    NodeWsClient ws = connect();
    ws.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"net_version\"}");

    assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"1337\"}\n", ws.next());
  }

  @Test
  void unparsableJsonIsAnsweredWithAParseError() {
    NodeWsClient ws = connect();
    ws.send("{\"jsonrpc\":");

    JsonNode answer = RpcClient.parse(ws.next());
    assertEquals(-32700, answer.get("error").get("code").asInt(), answer::toString);
    assertTrue(answer.get("id").isNull());
  }

  @Test
  void overHttpSubscriptionsAreRefusedAsGoQuorumRefusesThem() {
    JsonNode refused = client.error("eth_subscribe", "newHeads");
    assertEquals(-32000, refused.get("code").asInt());
    assertEquals("notifications not supported", refused.get("message").asText());

    JsonNode unknown = client.error("eth_unsubscribe", "0x1");
    assertEquals(-32000, unknown.get("code").asInt());
    assertEquals("subscription not found", unknown.get("message").asText());
    assertEquals(0, node.subscribeCount("newHeads"));
  }

  @Test
  void unsubscribeTakesOneStringId() {
    NodeWsClient ws = connect();
    JsonNode notString = ws.error("eth_unsubscribe", 5);
    assertEquals(-32602, notString.get("code").asInt());
    assertEquals(
        "invalid argument 0: json: cannot unmarshal number into Go value of type rpc.ID",
        notString.get("message").asText());
    assertEquals(
        "missing value for required argument 0",
        ws.error("eth_unsubscribe").get("message").asText());
    assertEquals(
        "too many arguments, want at most 1",
        ws.error("eth_unsubscribe", "0x1", "0x2").get("message").asText());
  }
}
