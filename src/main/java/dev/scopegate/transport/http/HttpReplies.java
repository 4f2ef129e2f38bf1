package dev.scopegate.transport.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.ResponseWriter;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.jsonrpc.RpcResponse;
import dev.scopegate.pipeline.Reply;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes answers: JSON bodies, the statuses of the README's table, OAuth2 challenge headers. */
final class HttpReplies {
  private static final Logger LOG = LoggerFactory.getLogger(HttpReplies.class);
  private static final String CHALLENGE = "Bearer realm=\"scopegate\"";

  private HttpReplies() {}

  static void reply(RoutingContext ctx, boolean batch, Reply reply) {
    if (reply.responses().isEmpty()) {
      ctx.response().setStatusCode(204).end();
      return;
    }
    if (reply.retryAfterMillis() > 0) {
      ctx.response().putHeader("Retry-After", Long.toString((reply.retryAfterMillis() + 999) / 1000));
    }
    send(ctx, reply.httpStatus(), ResponseWriter.buffer(reply.responses(), batch));
  }

  /** One error answering the whole exchange (id null), with that error's HTTP status. */
  static Future<Void> error(RoutingContext ctx, RpcException error) {
    RpcError kind = error.error();
    if (kind.httpStatus() == 401) {
      ctx.response().putHeader("WWW-Authenticate", challenge(error));
    } else if (kind.httpStatus() == 503) {
      ctx.response().putHeader("Retry-After", "5");
    }
    return send(ctx, kind.httpStatus(), RpcResponse.error(NullNode.getInstance(), error).toJson());
  }

  static Future<Void> failure(RoutingContext ctx, Throwable failure) {
    if (failure instanceof RpcException known) {
      return error(ctx, known);
    }
    LOG.error("unexpected failure on an HTTP request", failure);
    return error(ctx, RpcError.INTERNAL_ERROR.exception());
  }

  /**
   * Answers and closes the connection: used when the request's body is left unread (refused
   * before reading it), so the connection cannot be reused and no byte more is taken from it.
   */
  static void failureAndClose(RoutingContext ctx, Throwable failure) {
    var connection = ctx.request().connection();
    if (!ctx.response().ended() && !ctx.response().closed()) {
      ctx.response().putHeader("Connection", "close");
    }
    failure(ctx, failure).onComplete(written -> connection.close());
  }

  static void errorAndClose(RoutingContext ctx, RpcException error) {
    failureAndClose(ctx, error);
  }

  private static String challenge(RpcException error) {
    if (error.error() == RpcError.MISSING_TOKEN) {
      return CHALLENGE;
    }
    return CHALLENGE + ", error=\"invalid_token\", error_description=\"" + error.getMessage() + "\"";
  }

  private static Future<Void> send(RoutingContext ctx, int status, JsonNode body) {
    return send(ctx, status, Json.buffer(body));
  }

  private static Future<Void> send(RoutingContext ctx, int status, Buffer body) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return Future.succeededFuture();
    }
    var response = ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json");
    if (body.length() >= GzipReply.MIN_BYTES
        && GzipReply.accepted(ctx.request().getHeader("Accept-Encoding"))) {
      response.putHeader("Content-Encoding", "gzip");
      return response.end(GzipReply.gzip(body));
    }
    return response.end(body);
  }
}
