package dev.scopegate.devnode;

import dev.scopegate.jsonrpc.Json;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * JSON-RPC over HTTP as geth 1.9.7 frames it: POST with a JSON content type, at most 5 MiB;
 * an empty GET answers 200 (health checks); refusals are plain text with geth's words; every
 * JSON-RPC answer is 200, and a body of notifications only gets an empty 200.
 */
final class HttpFrontend implements Handler<HttpServerRequest> {
  static final int MAX_BODY = 5 * 1024 * 1024;
  private static final Set<String> ACCEPTED =
      Set.of("application/json", "application/json-rpc", "application/jsonrequest");

  private final Vertx vertx;
  private final NodeDispatcher dispatcher;
  private volatile boolean available = true;
  private volatile long delayMillis;

  HttpFrontend(Vertx vertx, NodeDispatcher dispatcher) {
    this.vertx = vertx;
    this.dispatcher = dispatcher;
  }

  /** Every answer is sent this long after its request arrived, as by a node under load. */
  void delay(Duration delay) {
    delayMillis = delay.toMillis();
  }

  /** When false, every connection is dropped unanswered, as by a node that went down. */
  void available(boolean up) {
    available = up;
  }

  @Override
  public void handle(HttpServerRequest request) {
    if (!available) {
      request.connection().close();
      return;
    }
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (request.method() == HttpMethod.GET && (length == null || length.equals("0"))) {
      request.response().end();
      return;
    }
    if (request.method() != HttpMethod.POST) {
      refuse(request, 405, "method not allowed");
      return;
    }
    if (length != null && tooLarge(parseLength(length))) {
      refuse(request, 413, "content length too large (" + length + ">" + MAX_BODY + ")");
      return;
    }
    if (!ACCEPTED.contains(mediaType(request.getHeader(HttpHeaders.CONTENT_TYPE)))) {
      refuse(request, 415, "invalid content type, only application/json is supported");
      return;
    }
    String psi = Psi.of(request);
    request.body().onSuccess(body -> answer(request.response(), body, psi));
  }

  private void answer(HttpServerResponse response, Buffer body, String psi) {
    if (tooLarge(body.length())) {
      response.setStatusCode(413).end("content length too large\n");
      return;
    }
    response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    Buffer answer =
        Psi.serving(psi, () -> dispatcher.handle(body.getBytes()))
            .map(json -> Json.buffer(json).appendString("\n"))
            .orElse(Buffer.buffer());
    long delay = delayMillis;
    if (delay > 0) {
      vertx.setTimer(delay, fired -> response.end(answer));
    } else {
      response.end(answer);
    }
  }

  /** An unreadable length counts as too large: the body cannot be trusted to be small. */
  private static long parseLength(String length) {
    try {
      return Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  private static boolean tooLarge(long length) {
    return length > MAX_BODY;
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }

  private static void refuse(HttpServerRequest request, int status, String message) {
    request
        .response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
        .end(message + "\n");
  }
}
