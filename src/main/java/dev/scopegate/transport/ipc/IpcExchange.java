package dev.scopegate.transport.ipc;

import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RequestDecoder;
import dev.scopegate.jsonrpc.RpcBody;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.pipeline.Dispatcher;
import dev.scopegate.upstream.PsiUpstreams;
import dev.scopegate.upstream.Upstream;
import dev.scopegate.upstream.ws.PsiSockets;
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
  private final Optional<PsiSockets> psiSockets;

  /**
   * {@code subscriptions}: where eth_subscribe over IPC is served from (the shared upstream
   * socket, as for WebSocket clients); without it the node answers them. {@code psiSockets}: the
   * shared socket of each PSI a message id names; without them such a subscription is refused.
   */
  IpcExchange(RequestDecoder decoder, Dispatcher dispatcher, Optional<WsContext> subscriptions,
      PsiUpstreams psis, Optional<PsiSockets> psiSockets) {
    this.psis = psis;
    this.psiSockets = psiSockets;
    this.decoder = decoder;
    this.dispatcher = dispatcher;
    this.subscriptions = subscriptions;
  }

  /** One connection's subscriptions, writing notifications to {@code outbox}. */
  Optional<IpcSubscriptions> subscriptionsFor(Vertx vertx, Outbox outbox) {
    return subscriptions.map(context -> new IpcSubscriptions(
        new ConnectionSubscriptions(vertx, OPERATOR, context, outbox),
        psi -> leased(vertx, context, psi, outbox)));
  }

  /** {@code psi}'s registry on one connection: fed by that PSI's shared socket, leased here. */
  private IpcSubscriptions.Leased leased(Vertx vertx, WsContext context, String psi, Outbox outbox) {
    Principal operator = OPERATOR.routedTo(psi);
    if (psiSockets.isEmpty()) {
      // fail closed: the default socket would carry the default state's logs, not psi's
      WsContext none = new WsContext(context.dispatcher(), psis.at(psi), Optional.empty(),
          context.decoder(), context.visibility(), context.idleTimeout(), context.clockSkew(),
          context.holdLimit(), context.maxMessageBytes(), context.quota());
      return new IpcSubscriptions.Leased(new ConnectionSubscriptions(vertx, operator, none, outbox), () -> {});
    }
    PsiSockets.Lease lease = psiSockets.get().lease(psi);
    WsContext routed = context.routedToPsi(context.dispatcher(), psis.at(psi), lease.socket());
    return new IpcSubscriptions.Leased(
        new ConnectionSubscriptions(vertx, operator, routed, outbox), lease::release);
  }

  /** The line answering message {@code sequence}, with this connection's subscriptions. */
  Future<Optional<Buffer>> answer(byte[] value, long sequence, Optional<IpcSubscriptions> own) {
    RpcBody body;
    try {
      body = decoder.decode(value);
    } catch (RpcException whole) {
      return Future.succeededFuture(Optional.of(IpcLines.error(whole)));
    }
    Optional<String> psi = IpcPsi.of(body.calls());
    Upstream node = psi.map(psis::at).orElseGet(() -> subscriptions.map(WsContext::node).orElse(null));
    if (own.isEmpty() || subscriptions.isEmpty() || !subscribes(body)) {
      return answer(body, psi, psi.map(p -> dispatcher.via(node)).orElse(dispatcher));
    }
    ConnectionSubscriptions registry;
    try {
      registry = own.get().at(psi);
    } catch (IllegalStateException stopping) {
      // the server or the connection is closing: no new PSI socket is leased
      return Future.succeededFuture(Optional.of(IpcLines.error(RpcError.UPSTREAM_UNREACHABLE.exception())));
    }
    return answer(body, psi, dispatcher.via(new ConnectionUpstream(node, registry, sequence)));
  }

  /** Only a message that (un)subscribes needs a registry, so only it leases a PSI's socket. */
  private static boolean subscribes(RpcBody body) {
    return body.calls().stream().anyMatch(c -> c instanceof RpcRequest r
        && (r.method().equals("eth_subscribe") || r.method().equals("eth_unsubscribe")));
  }

  /** The line answering {@code value}; empty for notifications only. */
  Future<Optional<Buffer>> answer(byte[] value) {
    return answer(value, 0, Optional.empty());
  }

  private Future<Optional<Buffer>> answer(RpcBody body, Optional<String> psi, Dispatcher routed) {
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
