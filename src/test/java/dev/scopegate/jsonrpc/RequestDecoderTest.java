package dev.scopegate.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestDecoderTest {
  private final RequestDecoder decoder = new RequestDecoder(3);

  private RpcBody decode(String body) {
    return decoder.decode(body.getBytes(StandardCharsets.UTF_8));
  }

  private RpcError failure(String body) {
    return assertThrows(RpcException.class, () -> decode(body)).error();
  }

  @Test
  void wholeBodyProblems() {
    assertEquals(RpcError.PARSE_ERROR, failure("{\"jsonrpc\":"));
    assertEquals(RpcError.PARSE_ERROR, failure(""));
    assertEquals(RpcError.PARSE_ERROR, failure("{} {}"));
    assertEquals(RpcError.INVALID_REQUEST, failure("[]"));
    assertEquals(RpcError.INVALID_REQUEST, failure("42"));
    assertEquals(RpcError.BATCH_TOO_LARGE, failure("[1,2,3,4]"));
  }

  @Test
  void duplicateKeyRejectsOnlyItsElement() {
    RpcBody body =
        decode(
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\",\"params\":[{\"x\":1,\"x\":2}]},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"b\"}]");
    RpcCall.Invalid first = assertInstanceOf(RpcCall.Invalid.class, body.calls().get(0));
    assertEquals(RpcError.DUPLICATE_KEY, first.error().error());
    RpcRequest second = assertInstanceOf(RpcRequest.class, body.calls().get(1));
    assertEquals("b", second.method());
  }

  @Test
  void sameKeyInSiblingObjectsIsNotADuplicate() {
    RpcBody body =
        decode("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\",\"params\":[{\"x\":1},{\"x\":2}]}");
    assertInstanceOf(RpcRequest.class, body.calls().get(0));
  }

  @Test
  void elementRules() {
    RpcBody body =
        decode(
            "[5, {\"jsonrpc\":\"1.0\",\"id\":\"a\",\"method\":\"m\"},"
                + " {\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":7}]");
    for (RpcCall call : body.calls()) {
      RpcCall.Invalid invalid = assertInstanceOf(RpcCall.Invalid.class, call);
      assertEquals(-32600, invalid.error().error().code());
      assertTrue(invalid.id().isPresent(), "invalid requests are answered");
    }
    assertEquals("\"a\"", Json.string(body.calls().get(1).id().orElseThrow()));
  }

  @Test
  void idsKeepEveryDigit() {
    RpcRequest request =
        assertInstanceOf(
            RpcRequest.class,
            decode("{\"jsonrpc\":\"2.0\",\"id\":123456789012345678901234567890.50,\"method\":\"m\"}")
                .calls()
                .get(0));
    assertEquals("123456789012345678901234567890.50", Json.string(request.id().orElseThrow()));
  }

  @Test
  void notificationHasNoId() {
    RpcRequest request =
        assertInstanceOf(
            RpcRequest.class, decode("{\"jsonrpc\":\"2.0\",\"method\":\"m\"}").calls().get(0));
    assertTrue(request.isNotification());
  }
}
