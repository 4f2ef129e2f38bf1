package dev.scopegate.transport.http;

import dev.scopegate.async.Futures;
import dev.scopegate.auth.Authenticator;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RequestDecoder;
import dev.scopegate.jsonrpc.RpcBody;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.mode.CallRouter;
import dev.scopegate.transport.OnLoop;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * POST / : authenticate from the headers, then reserve and read the body, decode, dispatch,
 * answer. Nothing of the body is read before the caller is known (DESIGN: an unauthenticated
 * caller holds nothing beyond its headers). HTTP is only framing here; every decision is the
 * pipeline's. A request is served on its connection's event loop from start to end.
 */
final class HttpRpcHandler implements Handler<RoutingContext> {
  private final Authenticator authenticator;
  private final RequestDecoder decoder;
  private final CallRouter router;
  private final BodyReader reader;
  private final BodyBudget budget;

  HttpRpcHandler(Authenticator authenticator, RequestDecoder decoder, CallRouter router,
      BodyReader reader, BodyBudget budget) {
    this.authenticator = authenticator;
    this.decoder = decoder;
    this.router = router;
    this.reader = reader;
    this.budget = budget;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    Context loop = Vertx.currentContext();
    request.pause();
    var headers = request.headers();
    if (headers.getAll("Authorization").size() > 1 || headers.getAll("X-API-Key").size() > 1) {
      // which one would decide is ambiguous; a proxy in front may have added one
      HttpReplies.errorAndClose(ctx, RpcError.INVALID_TOKEN.withData("more than one credential header"));
      return;
    }
    Future<Principal> caller = OnLoop.resume(loop, authenticator.authenticate(
        Optional.ofNullable(headers.get("Authorization")),
        Optional.ofNullable(headers.get("X-API-Key")),
        Optional.ofNullable(headers.get("X-Tenant-ID")),
        ClientCertificate.verified(ctx.request())));
    Futures.compose(caller, principal -> {
      CallRouter.Route route = router.route(principal, PsiPick.of(ctx.request()));
      return Futures.compose(body(ctx), bytes -> {
        RpcBody body;
        try {
          body = decoder.decode(bytes.getBytes());
        } catch (RpcException whole) {
          HttpReplies.error(ctx, whole);
          return Future.<Void>succeededFuture();
        }
        return OnLoop.resume(loop, route.dispatcher()
            .dispatch(route.principal(), body.calls(), Optional.ofNullable(headers.get("traceparent"))))
            .onSuccess(reply -> HttpReplies.reply(ctx, body.batch(), reply))
            .<Void>mapEmpty();
      });
    }).onFailure(failure -> {
      if (request.isEnded()) {
        HttpReplies.failure(ctx, failure);
      } else {
        // the rest of the body is not wanted: answer, then close rather than read it
        HttpReplies.failureAndClose(ctx, failure);
      }
    });
  }

  /** The body, once its declared size fits the limit and the in-flight budget. */
  private Future<Buffer> body(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    long declared;
    try {
      String length = request.getHeader("Content-Length");
      declared = length == null ? reader.maxBytes() : Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return Future.failedFuture(RpcError.INVALID_REQUEST.withData("bad Content-Length"));
    }
    if (declared > reader.maxBytes()) {
      return Future.failedFuture(reader.tooLarge());
    }
    Optional<BodyBudget.Reservation> reservation = budget.reserve(declared);
    if (reservation.isEmpty()) {
      return Future.failedFuture(RpcError.SERVER_BUSY.withData("too many request bodies in flight"));
    }
    ctx.addEndHandler(ended -> reservation.get().release());
    return reader.read(request);
  }
}
