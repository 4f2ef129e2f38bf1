package dev.scopegate.upstream;

import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;

/**
 * Reads an answer's body up to a byte limit. Past it (declared or streamed) the exchange is reset
 * at once, so the rest is never read: a node that answers without end holds at most the limit.
 * Written by hand because Vert.x's {@code body()} and the web client's codecs buffer without
 * bound.
 */
final class BoundedBody {
  private BoundedBody() {}

  static Future<Buffer> read(HttpClientRequest request, HttpClientResponse response, long max) {
    String declared = response.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (declared != null && declaredAbove(declared, max)) {
      request.reset();
      return Future.failedFuture(tooLarge(max));
    }
    Promise<Buffer> body = Promise.promise();
    Buffer read = Buffer.buffer();
    response.handler(chunk -> {
      if (read.length() + (long) chunk.length() > max) {
        if (body.tryFail(tooLarge(max))) {
          request.reset();
        }
      } else {
        read.appendBuffer(chunk);
      }
    });
    response.exceptionHandler(body::tryFail);
    response.endHandler(v -> body.tryComplete(read));
    return body.future();
  }

  private static boolean declaredAbove(String declared, long max) {
    try {
      return Long.parseLong(declared.trim()) > max;
    } catch (NumberFormatException notANumber) {
      return false; // the codec has refused it already; the streamed count still bounds it
    }
  }

  private static RpcException tooLarge(long max) {
    return RpcError.UPSTREAM_BAD_RESPONSE.withData(
        "the node's answer is larger than upstream.maxResponseBytes (" + max + " bytes)");
  }
}
