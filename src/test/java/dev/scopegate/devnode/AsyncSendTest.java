package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** eth_sendTransactionAsync, personal_sendTransaction and the (empty) pool. */
class AsyncSendTest extends DevNodeTestBase {
  static final String ZERO_HASH = "0x" + "0".repeat(64);

  @Test
  void anAsyncSendAnswersTheZeroHashAndMines() {
    JsonNode answer =
        client.call("eth_sendTransactionAsync", tx("from", NODE1, "to", STRANGER, "value", "0x3"));

    assertEquals(ZERO_HASH, answer.get("result").asText());
    assertEquals(1, node.chain().head().number());
    assertEquals(hex(3), hex(balance(STRANGER, "latest")));
    assertEquals(List.of(), node.callbacks());
  }

  @Test
  void theCallbackGetsTheHashAndIsRecordedNotPosted() {
    String url = "http://tenant.example/callback";
    JsonNode answer =
        client.call(
            "eth_sendTransactionAsync", tx("from", NODE1, "data", PLAIN_CODE, "callbackUrl", url));

    assertEquals(ZERO_HASH, answer.get("result").asText());
    String hash = node.chain().head().transactions().get(0).hash().hex();
    List<Callback> callbacks = node.callbacks();
    assertEquals(1, callbacks.size());
    assertEquals(url, callbacks.get(0).url());
    String id = answer.get("id").toString();
    assertEquals("{\"id\":\"" + id + "\",\"txHash\":\"" + hash + "\"}\n", callbacks.get(0).body());
  }

  @Test
  void aFailedSendStillAnswersAndTellsTheCallback() {
    JsonNode answer =
        client.call(
            "eth_sendTransactionAsync",
            tx("from", STRANGER, "to", NODE1, "callbackUrl", "http://tenant.example/cb"));

    assertEquals(ZERO_HASH, answer.get("result").asText());
    assertEquals(0, node.chain().head().number());
    JsonNode body = RpcClient.parse(node.callbacks().get(0).body());
    assertEquals("unknown account", body.get("error").asText());
    assertEquals(answer.get("id").toString(), body.get("id").asText());
  }

  @Test
  void anAsyncSendCanBePrivate() {
    client.result(
        "eth_sendTransactionAsync",
        tx("from", NODE1, "data", PLAIN_CODE, "privateFor", List.of(KB), "callbackUrl", "x"));

    String hash = RpcClient.parse(node.callbacks().get(0).body()).get("txHash").asText();
    String input = client.result("eth_getTransactionByHash", hash).get("input").asText();
    assertEquals(130, input.length());
    assertEquals(PLAIN_CODE, client.result("eth_getQuorumPayload", input).asText());
  }

  @Test
  void personalSendTransactionNeedsThePassphrase() {
    Map<String, Object> args = tx("from", NODE2, "data", PLAIN_CODE, "privateFor", List.of(KA));

    assertEquals(
        "could not decrypt key with given passphrase",
        SigningTest.message(client.error("personal_sendTransaction", args, "wrong")));
    assertEquals(0, node.chain().head().number());
    String hash = client.result("personal_sendTransaction", args, "").asText();
    assertEquals(NODE2, receipt(hash).get("from").asText());
    assertEquals(PLAIN_CODE, client.result("eth_getCode", contractOf(hash), "latest").asText());
  }

  @Test
  void thePoolIsAlwaysEmpty() {
    send("from", NODE1, "to", STRANGER);
    JsonNode empty = RpcClient.parse("{\"pending\":{},\"queued\":{}}");
    assertEquals(empty, client.result("txpool_content"));
    assertEquals(empty, client.result("txpool_inspect"));
    assertEquals(
        RpcClient.parse("{\"pending\":\"0x0\",\"queued\":\"0x0\"}"),
        client.result("txpool_status"));
  }
}
