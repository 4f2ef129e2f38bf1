package dev.scopegate.transport.http;

import dev.scopegate.auth.Authenticator;
import dev.scopegate.jsonrpc.RequestDecoder;
import dev.scopegate.jsonrpc.RpcBody;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.mode.CallRouter;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * POST / : authenticate, decode, dispatch, answer. HTTP is only framing here; every decision is
 * the pipeline's.
 */
final class HttpRpcHandler implements Handler<RoutingContext> {
  private final Authenticator authenticator;
  private final RequestDecoder decoder;
  private final CallRouter router;

  HttpRpcHandler(Authenticator authenticator, RequestDecoder decoder, CallRouter router) {
    this.authenticator = authenticator;
    this.decoder = decoder;
    this.router = router;
  }

  @Override
  public void handle(RoutingContext ctx) {
    var headers = ctx.request().headers();
    authenticator
        .authenticate(
            Optional.ofNullable(headers.get("Authorization")),
            Optional.ofNullable(headers.get("X-API-Key")),
            Optional.ofNullable(headers.get("X-Tenant-ID")),
            ClientCertificate.verified(ctx.request()))
        .compose(
            principal -> {
              CallRouter.Route route = router.route(principal, PsiPick.of(ctx.request()));
              RpcBody body;
              try {
                body = decoder.decode(bytes(ctx.body().buffer()));
              } catch (RpcException whole) {
                HttpReplies.error(ctx, whole);
                return Future.succeededFuture();
              }
              return route.dispatcher()
                  .dispatch(route.principal(), body.calls())
                  .onSuccess(reply -> HttpReplies.reply(ctx, body.batch(), reply))
                  .<Void>mapEmpty();
            })
        .onFailure(failure -> HttpReplies.failure(ctx, failure));
  }

  private static byte[] bytes(Buffer buffer) {
    return buffer == null ? new byte[0] : buffer.getBytes();
  }
}
