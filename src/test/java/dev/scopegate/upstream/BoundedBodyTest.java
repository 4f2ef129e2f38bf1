package dev.scopegate.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.testing.ScriptedNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The node's answer read whole and byte-exact however it is cut into chunks, and never past the limit. */
@ExtendWith(VertxExtension.class)
class BoundedBodyTest {
  private ScriptedNode node;
  private HttpClient client;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    node = ScriptedNode.start(vertx);
    client = vertx.createHttpClient();
  }

  @AfterEach
  void stop() throws Exception {
    client.close().await();
    node.close().await();
  }

  /** {@code pieces} chunks of distinct bytes, 1 000 each, as the HTTP chunked encoding sends them. */
  private void answerInChunks(int pieces) {
    node.answer((request, body) -> {
      HttpServerResponse response = request.response().setChunked(true);
      for (int i = 0; i < pieces; i++) {
        response.write(piece(i));
      }
      response.end();
    });
  }

  private static Buffer piece(int i) {
    return Buffer.buffer(String.valueOf((char) ('a' + i % 26)).repeat(999) + "\n");
  }

  private Buffer read(long max) throws Exception {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(node.url().toString());
    Future<Buffer> body = client.request(options)
        .compose(request -> request.send("{}").compose(response -> BoundedBody.read(request, response, max)));
    try {
      return body.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  @Test
  void anAnswerInManyChunksIsReadWholeAndInOrder() throws Exception {
    answerInChunks(300);
    Buffer expected = Buffer.buffer();
    for (int i = 0; i < 300; i++) {
      expected.appendBuffer(piece(i));
    }
    assertEquals(expected, read(1 << 20));
  }

  @Test
  void anAnswerInOneChunkOrNoneIsReadAsSent() throws Exception {
    node.answer("{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":\"0x1\"}");
    assertEquals("{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":\"0x1\"}", read(1 << 20).toString());
    answerInChunks(0);
    assertEquals(0, read(1 << 20).length());
  }

  @Test
  void anAnswerStreamedPastTheLimitFails() throws Exception {
    answerInChunks(300); // 300 000 bytes, no length declared
    RpcException tooLarge = assertThrows(RpcException.class, () -> read(100_000));
    assertEquals(RpcError.UPSTREAM_BAD_RESPONSE, tooLarge.error());
    assertTrue(tooLarge.data().orElse("").contains("upstream.maxResponseBytes"), tooLarge.data().toString());
  }
}
