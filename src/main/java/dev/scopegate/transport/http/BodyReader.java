package dev.scopegate.transport.http;

import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.transport.Deadlines;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;

/**
 * Reads a paused request's body, at most {@code maxBytes}, within {@code timeout}. Written by hand
 * rather than with vertx-web's BodyHandler because the body must stay unread until the caller is
 * authenticated and its bytes reserved, and a slow sender must be cut off.
 */
final class BodyReader {
  private final long maxBytes;
  private final Duration timeout;
  private final Deadlines deadlines;

  BodyReader(Vertx vertx, long maxBytes, Duration timeout) {
    this.maxBytes = maxBytes;
    this.timeout = timeout;
    this.deadlines = new Deadlines(vertx, timeout);
  }

  long maxBytes() {
    return maxBytes;
  }

  /** Fails with {@code BODY_TOO_LARGE}, {@code REQUEST_TIMEOUT} or the connection's failure. */
  Future<Buffer> read(HttpServerRequest request) {
    Promise<Buffer> body = Promise.promise();
    Buffer bytes = Buffer.buffer();
    request.handler(chunk -> {
      if (bytes.length() + (long) chunk.length() > maxBytes) {
        request.handler(null);
        body.tryFail(tooLarge());
        return;
      }
      bytes.appendBuffer(chunk);
    });
    request.endHandler(end -> body.tryComplete(bytes));
    request.exceptionHandler(body::tryFail);
    if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
      request.response().writeContinue();
    }
    request.resume();
    if (body.future().isComplete()) {
      return body.future(); // the body had arrived with the headers: nothing to wait for
    }
    Deadlines.Deadline deadline = deadlines.arm(() -> body.tryFail(
        RpcError.REQUEST_TIMEOUT.withData("the body must arrive within " + timeout.toSeconds() + " s")));
    return body.future().onComplete(done -> deadline.cancel());
  }

  Throwable tooLarge() {
    return RpcError.BODY_TOO_LARGE.withData("at most " + maxBytes + " bytes per request");
  }
}
