package dev.scopegate.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * JSON-RPC decoding of any bytes: a body either decodes into at most {@code maxBatchSize} calls
 * or fails with a JSON-RPC error, never anything else; a numeric id comes back as its own text.
 * Regression mode (seeds under src/test/resources) in every build; JAZZER_FUZZ=1 explores.
 */
class RequestDecoderFuzzTest {
  private static final int MAX_BATCH = 8;
  private final RequestDecoder decoder = new RequestDecoder(MAX_BATCH);

  @FuzzTest(maxDuration = "30s")
  void decodesOrRefuses(byte[] body) {
    RpcBody decoded;
    try {
      decoded = decoder.decode(body);
    } catch (RpcException refused) {
      assertTrue(refused.error().code() <= -32000, refused.error().toString());
      return;
    }
    assertTrue(!decoded.calls().isEmpty() && decoded.calls().size() <= MAX_BATCH);
    for (RpcCall call : decoded.calls()) {
      call.id().filter(id -> id.isNumber()).ifPresent(id ->
          // what the answer will carry re-reads as the same number
          assertEquals(0, id.decimalValue().compareTo(new java.math.BigDecimal(Json.string(id)))));
      if (call instanceof RpcRequest request) {
        assertTrue(!request.method().isEmpty());
        request.params().ifPresent(p -> assertTrue(p.isArray() || p.isObject()));
      }
    }
  }
}
