package dev.scopegate.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RequestDecoder;
import dev.scopegate.jsonrpc.RpcRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The body sent to the node, written straight to bytes, is the bytes of the request trees. */
class AnswerMatcherTest {
  private static List<RpcRequest> decoded(String body) {
    List<RpcRequest> requests = new ArrayList<>();
    new RequestDecoder(100).decode(body.getBytes(StandardCharsets.UTF_8)).calls()
        .forEach(call -> requests.add((RpcRequest) call));
    return requests;
  }

  /** What the node got before: each request's tree (ids 0..n-1), serialised to bytes by the mapper. */
  private static String asTrees(List<RpcRequest> requests) {
    if (requests.size() == 1) {
      RpcRequest only = requests.get(0);
      return Json.buffer(only.toJson(only.isNotification() ? null : IntNode.valueOf(0))).toString(StandardCharsets.UTF_8);
    }
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (int i = 0; i < requests.size(); i++) {
      RpcRequest r = requests.get(i);
      array.add(r.toJson(r.isNotification() ? null : IntNode.valueOf(i)));
    }
    return Json.buffer(array).toString(StandardCharsets.UTF_8);
  }

  private static void same(String clientBody) {
    List<RpcRequest> requests = decoded(clientBody);
    assertEquals(asTrees(requests), AnswerMatcher.body(requests).toString(StandardCharsets.UTF_8), clientBody);
  }

  @Test
  void singleCallsWithAndWithoutParams() {
    same("{\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"eth_blockNumber\",\"params\":[]}");
    same("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"eth_chainId\"}");
    same("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"eth_getBalance\",\"params\":[\"0xab\",\"latest\"]}");
    same("{\"jsonrpc\":\"2.0\",\"method\":\"eth_subscribe\",\"params\":{\"a\":[1,2.50,1e400]}}");
  }

  @Test
  void batchesWithNotificationsNumbersAndEscapes() {
    same("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\",\"params\":[\"\\u00e9\\n\\\"q\\\"\",123456789012345678901234567890]},"
        + "{\"jsonrpc\":\"2.0\",\"method\":\"notify\",\"params\":[true,false,null]},"
        + "{\"jsonrpc\":\"2.0\",\"id\":1e3,\"method\":\"b\",\"params\":{\"x\":{\"y\":[0.1,-0,\"\\ud83d\\ude00\"]}}}]");
  }

  @Test
  void rewrittenRequestsToo() {
    RpcRequest pinned = new RpcRequest(Optional.of(IntNode.valueOf(7)), "eth_getCode",
        Optional.of(Json.MAPPER.createArrayNode().add("0xab").add(TextNode.valueOf("0x10"))));
    List<RpcRequest> requests = List.of(pinned, pinned.withParams(Json.MAPPER.createObjectNode().put("k", 1)));
    assertEquals(asTrees(requests), AnswerMatcher.body(requests).toString(StandardCharsets.UTF_8));
  }
}
