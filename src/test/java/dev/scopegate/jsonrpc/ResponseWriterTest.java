package dev.scopegate.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bytes written are those of {@link RpcResponse#toJson} serialised, whatever the answer's
 * size: small answers are one flush of the generator, large ones many (its buffer is a few KB).
 */
class ResponseWriterTest {
  private static JsonNode json(String text) throws Exception {
    return Json.read(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static byte[] expected(List<RpcResponse> responses, boolean batch) throws Exception {
    if (!batch) {
      return Json.MAPPER.writeValueAsBytes(responses.get(0).toJson());
    }
    ArrayNode array = Json.MAPPER.createArrayNode();
    responses.forEach(response -> array.add(response.toJson()));
    return Json.MAPPER.writeValueAsBytes(array);
  }

  /** About 400 KB of logs, as an eth_getLogs answer of 1 000 logs. */
  private static JsonNode manyLogs() {
    ArrayNode logs = Json.MAPPER.createArrayNode();
    for (int i = 0; i < 1000; i++) {
      logs.addObject()
          .put("address", "0x" + "%040x".formatted(i))
          .put("data", "0x" + "ab".repeat(100) + "é€😀")
          .put("logIndex", "0x" + Integer.toHexString(i))
          .put("removed", false)
          .putArray("topics").add("0x" + "%064x".formatted(i * 7L));
    }
    return logs;
  }

  @Test
  void aSmallAnswerIsWrittenAsItsTreeWouldBe() throws Exception {
    List<RpcResponse> one = List.of(RpcResponse.result(json("1e2"), json("\"0x1b4\"")));
    assertArrayEquals(expected(one, false), ResponseWriter.buffer(one, false).getBytes());
  }

  @Test
  void aLargeAnswerIsWrittenWholeAndInOrder() throws Exception {
    List<RpcResponse> one = List.of(RpcResponse.result(json("123456789012345678901234567890"), manyLogs()));
    byte[] written = ResponseWriter.buffer(one, false).getBytes();
    assertArrayEquals(expected(one, false), written);
  }

  @Test
  void aBatchMixingLargeResultsAndErrorsIsWrittenWhole() throws Exception {
    List<RpcResponse> batch = new ArrayList<>();
    batch.add(RpcResponse.result(json("1"), manyLogs()));
    batch.add(RpcResponse.error(json("\"two\""), RpcError.ACCESS_DENIED.exception("eth_x")));
    batch.add(RpcResponse.result(json("3"), null));
    batch.add(RpcResponse.result(json("4"), manyLogs()));
    assertArrayEquals(expected(batch, true), ResponseWriter.buffer(batch, true).getBytes());
  }
}
