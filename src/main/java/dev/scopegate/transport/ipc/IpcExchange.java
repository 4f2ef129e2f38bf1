package dev.scopegate.transport.ipc;

import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RequestDecoder;
import dev.scopegate.jsonrpc.RpcBody;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.pipeline.Dispatcher;
import dev.scopegate.upstream.PsiUpstreams;
import dev.scopegate.transport.ws.ConnectionSubscriptions;
import dev.scopegate.transport.ws.ConnectionUpstream;
import dev.scopegate.transport.ws.Outbox;
import dev.scopegate.transport.ws.WsContext;
import io.vertx.core.Vertx;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request value through the shared pipeline as an operator: whoever can open the socket file
 * is one, so its permissions are the security boundary. The answer never fails: every problem
 * is a JSON-RPC error line, so that no later answer on the connection is held up or lost.
 */
final class IpcExchange {
  private static final Logger LOG = LoggerFactory.getLogger(IpcExchange.class);
  private static final Principal OPERATOR = Principal.operator("ipc");

  private final RequestDecoder decoder;
  private final Dispatcher dispatcher;
  private final Optional<WsContext> subscriptions;
  private final PsiUpstreams psis;

  /**
   * {@code subscriptions}: where eth_subscribe over IPC is served from (the shared upstream
   * socket, as for WebSocket clients); without it the node answers them.
   */
  IpcExchange(RequestDecoder decoder, Dispatcher dispatcher, Optional<WsContext> subscriptions, PsiUpstreams psis) {
    this.psis = psis;
    this.decoder = decoder;
    this.dispatcher = dispatcher;
    this.subscriptions = subscriptions;
  }

  /** One connection's subscriptions, writing notifications to {@code outbox}. */
  Optional<ConnectionSubscriptions> subscriptionsFor(Vertx vertx, Outbox outbox) {
    return subscriptions.map(context -> new ConnectionSubscriptions(vertx, OPERATOR, context, outbox));
  }

  /** The line answering message {@code sequence}, with this connection's subscriptions. */
  Future<Optional<Buffer>> answer(byte[] value, long sequence, Optional<ConnectionSubscriptions> own) {
    if (own.isEmpty() || subscriptions.isEmpty()) {
      return answer(value);
    }
    WsContext context = subscriptions.get();
    Dispatcher withSubscriptions =
        dispatcher.via(new ConnectionUpstream(context.node(), own.get(), sequence));
    return answer(value, withSubscriptions);
  }

  /** The line answering {@code value}; empty for notifications only. */
  Future<Optional<Buffer>> answer(byte[] value) {
    return answer(value, dispatcher);
  }

  private Future<Optional<Buffer>> answer(byte[] value, Dispatcher dispatcher) {
    RpcBody body;
    try {
      body = decoder.decode(value);
    } catch (RpcException whole) {
      return Future.succeededFuture(Optional.of(IpcLines.error(whole)));
    }
    Optional<String> psi = IpcPsi.of(body.calls());
    Dispatcher routed = psi.map(name -> this.dispatcher.via(psis.at(name))).orElse(dispatcher);
    return routed
        .dispatch(psi.map(OPERATOR::routedTo).orElse(OPERATOR), body.calls())
        .map(reply -> IpcLines.reply(body.batch(), reply))
        .recover(
            failure -> {
              LOG.error("unexpected failure on an IPC request", failure);
              return Future.succeededFuture(
                  Optional.of(IpcLines.error(RpcError.INTERNAL_ERROR.exception())));
            });
  }
}
