package dev.scopegate.upstream;

import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an answer's body up to a byte limit. Past it (declared or streamed) the exchange is reset
 * at once, so the rest is never read: a node that answers without end holds at most the limit.
 * Written by hand because Vert.x's {@code body()} and the web client's codecs buffer without
 * bound.
 *
 * <p>The chunks are kept as they arrive (each is already a copy Vert.x made for this response) and
 * joined once, into a buffer of the exact length, at the end. Appending each to one growing buffer
 * reallocated it at every doubling: a 400 KB {@code eth_getLogs} answer cost 1.4 MB of heap
 * besides its chunks (docs/performance.md, "Large answers").
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
    Chunks read = new Chunks();
    response.handler(chunk -> {
      if (read.length + (long) chunk.length() > max) {
        if (body.tryFail(tooLarge(max))) {
          request.reset();
          read.clear();
        }
      } else if (!body.future().isComplete()) {
        read.add(chunk);
      }
    });
    response.exceptionHandler(body::tryFail);
    response.endHandler(v -> body.tryComplete(read.joined()));
    return body.future();
  }

  /** The chunks read so far and their total length; joined with one allocation. */
  static final class Chunks {
    private final List<Buffer> chunks = new ArrayList<>();
    private long length;

    void add(Buffer chunk) {
      chunks.add(chunk);
      length += chunk.length();
    }

    void clear() {
      chunks.clear();
    }

    Buffer joined() {
      if (chunks.size() == 1) {
        return chunks.get(0);
      }
      Buffer whole = Buffer.buffer((int) length); // at most maxResponseBytes
      for (Buffer chunk : chunks) {
        whole.appendBuffer(chunk);
      }
      return whole;
    }
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
