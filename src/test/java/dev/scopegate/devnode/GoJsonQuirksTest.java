package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The dev node reads JSON as GoQuorum's encoding/json does: keys of the envelope and of argument
 * objects match case-insensitively (Unicode's KELVIN SIGN and LONG S included), a repeated key
 * keeps its last value, and of {@code "to"} and {@code "To"} the later wins.
 */
class GoJsonQuirksTest extends DevNodeTestBase {

  private JsonNode post(String body) {
    HttpResponse<String> response = client.post(body);
    assertEquals(200, response.statusCode(), response.body());
    return RpcClient.parse(response.body());
  }

  private String callTo(String toKeys) {
    JsonNode answer =
        post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_call\",\"params\":[{" + toKeys
            + ",\"data\":\"0x01\"},\"latest\"]}");
    return answer.get("result").asText();
  }

  @Test
  void envelopeKeysMatchInAnyCase() {
    JsonNode answer = post("{\"JSONRPC\":\"2.0\",\"ID\":7,\"Method\":\"eth_chainId\",\"PARAMS\":[]}");
    assertEquals(7, answer.get("id").asInt(), answer::toString);
    assertEquals("0x539", answer.get("result").asText());
    JsonNode longS = post("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"eth_getBalance\",\"param\u017f\":[\""
        + NODE1 + "\",\"latest\"]}");
    assertEquals(client.result("eth_getBalance", NODE1, "latest"), longS.get("result"), longS::toString);
  }

  @Test
  void aRepeatedEnvelopeKeyKeepsItsLastValue() {
    JsonNode answer =
        post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"Method\":\"eth_chainId\",\"id\":2}");
    assertEquals(2, answer.get("id").asInt(), answer::toString);
    assertEquals("0x539", answer.get("result").asText());
  }

  @Test
  void aMessageWithoutVersionIsServedAndIdsEchoAsSent() {
    HttpResponse<String> response = client.post("{\"id\":1e2,\"method\":\"eth_chainId\"}");
    assertEquals(200, response.statusCode());
    assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1e2,\"result\":\"0x539\"}", response.body().strip());
  }

  @Test
  void aNonStringMethodIsAnInvalidRequestWithItsId() {
    JsonNode answer = post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":5}");
    assertEquals(3, answer.get("id").asInt(), answer::toString);
    assertEquals(-32600, answer.get("error").get("code").asInt());
    assertEquals("invalid request", answer.get("error").get("message").asText());
  }

  @Test
  void callArgumentKeysMatchInAnyCaseAndTheLastWins() {
    Scenario scenario = seed();
    String a = scenario.privateA().address().hex();
    String b = scenario.privateB().address().hex();
    String wordA = callTo("\"to\":\"" + a + "\"");
    String wordB = callTo("\"to\":\"" + b + "\"");
    assertNotEquals(wordA, wordB, "the two contracts answer differently");

    assertEquals(wordB, callTo("\"TO\":\"" + b + "\""));
    assertEquals(wordB, callTo("\"to\":\"" + a + "\",\"To\":\"" + b + "\""));
    assertEquals(wordA, callTo("\"To\":\"" + b + "\",\"to\":\"" + a + "\""));
    assertEquals(wordA, callTo("\"to\":\"" + a + "\",\"To\":\"" + b + "\",\"to\":\"" + a + "\""));
  }

  @Test
  void transactionArgumentKeysMatchInAnyCase() {
    Scenario scenario = seed();
    String hash =
        post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_sendTransaction\",\"params\":[{\"From\":\""
            + NODE1 + "\",\"TO\":\"" + STRANGER + "\",\"to\":\"" + scenario.publicContract().address()
            + "\",\"Data\":\"0x01\"}]}").get("result").asText();
    JsonNode tx = client.result("eth_getTransactionByHash", hash);
    assertEquals(NODE1, tx.get("from").asText());
    assertEquals(scenario.publicContract().address().hex(), tx.get("to").asText());
    assertEquals("0x01", tx.get("input").asText());
  }

  @Test
  void filterCriteriaKeysMatchInAnyCase() {
    Scenario scenario = seed();
    String address = scenario.publicContract().address().hex();
    JsonNode exact = client.result("eth_getLogs", tx("fromBlock", "0x0", "address", address));
    JsonNode folded = client.result("eth_getLogs", tx("FROMBLOCK", "0x0", "Address", address));
    assertEquals(exact, folded);
    assertNotEquals(0, exact.size(), "the public contract logged");
  }
}
