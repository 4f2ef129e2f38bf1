package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSON-RPC framing as geth does it: batches, notifications, errors, HTTP rules. */
class ProtocolTest extends DevNodeTestBase {

  private JsonNode postJson(String body) {
    HttpResponse<String> response = client.post(body);
    assertEquals(200, response.statusCode(), response.body());
    return RpcClient.parse(response.body());
  }

  @Test
  void aBatchIsAnsweredInOrderWithoutItsNotifications() {
    JsonNode answers =
        postJson(
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"foo_bar\",\"params\":[]},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"net_version\",\"params\":[]},"
                + "42,"
                + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"eth_blockNumber\",\"params\":[]}]");
    assertEquals(4, answers.size(), answers::toString);
    assertEquals(1, answers.get(0).get("id").asInt());
    assertEquals("0x539", answers.get(0).get("result").asText());
    assertEquals("b", answers.get(1).get("id").asText());
    assertEquals(-32601, answers.get(1).get("error").get("code").asInt());
    assertEquals(true, answers.get(2).get("id").isNull());
    assertEquals(-32600, answers.get(2).get("error").get("code").asInt());
    assertEquals(3, answers.get(3).get("id").asInt());
    assertEquals("0x0", answers.get(3).get("result").asText());
  }

  @Test
  void notificationsAloneGetAnEmpty200() {
    HttpResponse<String> batch =
        client.post(
            "[{\"jsonrpc\":\"2.0\",\"method\":\"net_version\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\",\"params\":[]}]");
    assertEquals(200, batch.statusCode());
    assertEquals("", batch.body());
    HttpResponse<String> single = client.post("{\"jsonrpc\":\"2.0\",\"method\":\"net_version\"}");
    assertEquals(200, single.statusCode());
    assertEquals("", single.body());
  }

  @Test
  void aNotificationIsStillExecuted() {
    client.post(
        "{\"jsonrpc\":\"2.0\",\"method\":\"eth_sendTransaction\",\"params\":[{\"from\":\""
            + NODE1 + "\",\"to\":\"" + STRANGER + "\",\"value\":\"0x9\"}]}");
    assertEquals("0x1", client.result("eth_blockNumber").asText());
    assertEquals("0x9", client.result("eth_getBalance", STRANGER, "latest").asText());
  }

  @Test
  void anUnknownMethodIsGethsMethodNotFound() {
    JsonNode error = client.error("eth_foo", 1);
    assertEquals(-32601, error.get("code").asInt());
    assertEquals(
        "the method eth_foo does not exist/is not available", error.get("message").asText());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          eth_getBalance       | {"a":1}                                       | non-array args
          eth_getBalance       | ["0xed9d02e382b34818e88b88a309c7fe71e65f419d"] | missing value for required argument 1
          eth_getBalance       | ["0xed9d02e382b34818e88b88a309c7fe71e65f419d","latest",1] | too many arguments, want at most 2
          eth_getBalance       | ["ed9d02e382b34818e88b88a309c7fe71e65f419d","latest"] | invalid argument 0: json: cannot unmarshal hex string without 0x prefix into Go value of type common.Address
          eth_getBalance       | ["0x1234","latest"]                           | invalid argument 0: hex string has length 4, want 40 for common.Address
          eth_getBalance       | [7,"latest"]                                  | invalid argument 0: json: cannot unmarshal non-string into Go value of type common.Address
          eth_getBalance       | ["0xed9d02e382b34818e88b88a309c7fe71e65f419d","0x01"] | invalid argument 1: hex number with leading zero digits
          eth_getBalance       | ["0xed9d02e382b34818e88b88a309c7fe71e65f419d","newest"] | invalid argument 1: hex string without 0x prefix
          eth_getBlockByNumber | ["latest"]                                    | missing value for required argument 1
          eth_getBlockByNumber | ["latest","yes"]                              | invalid argument 1: json: cannot unmarshal string into Go value of type bool
          eth_getBlockByHash   | [null,false]                                  | missing value for required argument 0
          eth_chainId          | [1]                                           | too many arguments, want at most 0
          web3_sha3            | ["0x123"]                                     | invalid argument 0: json: cannot unmarshal hex string of odd length into Go value of type hexutil.Bytes
          eth_sendTransaction  | [{"from":"0xed9d02e382b34818e88b88a309c7fe71e65f419d","value":"10"}] | invalid argument 0: json: cannot unmarshal hex string without 0x prefix into Go value of type hexutil.Big
          """)
  void badParamsAreInvalidParamsWithGethsReason(String method, String params, String message) {
    String call = "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"%s\",\"params\":%s}";
    JsonNode answer = postJson(String.format(call, method, params));
    assertEquals(-32602, answer.get("error").get("code").asInt(), answer::toString);
    assertEquals(message, answer.get("error").get("message").asText());
  }

  @Test
  void malformedJsonIsAParseErrorWithANullId() {
    JsonNode answer = postJson("{\"jsonrpc\":\"2.0\",");
    assertEquals(-32700, answer.get("error").get("code").asInt());
    assertEquals(true, answer.get("id").isNull());
  }

  @Test
  void httpRulesAreGeths() {
    HttpResponse<String> text =
        client.send(
            client.request()
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertEquals(415, text.statusCode());
    assertEquals("invalid content type, only application/json is supported\n", text.body());

    HttpResponse<String> put =
        client.send(
            client.request()
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertEquals(405, put.statusCode());

    HttpResponse<String> health = client.send(client.request().GET().build());
    assertEquals(200, health.statusCode());
    assertEquals("", health.body());
  }

  @Test
  void requestCountCountsEveryCallOfABatch() {
    node.requestCount().set(0);
    client.post(
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"},"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"net_version\"},"
            + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"}]");
    client.result("eth_blockNumber");
    assertEquals(4, node.requestCount().get());
  }
}
