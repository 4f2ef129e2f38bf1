package dev.scopegate.transport.ipc;

import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RequestDecoder;
import dev.scopegate.jsonrpc.RpcBody;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.pipeline.Dispatcher;
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

  IpcExchange(RequestDecoder decoder, Dispatcher dispatcher) {
    this.decoder = decoder;
    this.dispatcher = dispatcher;
  }

  /** The line answering {@code value}; empty for notifications only. */
  Future<Optional<Buffer>> answer(byte[] value) {
    RpcBody body;
    try {
      body = decoder.decode(value);
    } catch (RpcException whole) {
      return Future.succeededFuture(Optional.of(IpcLines.error(whole)));
    }
    return dispatcher
        .dispatch(OPERATOR, body.calls())
        .map(reply -> IpcLines.reply(body.batch(), reply))
        .recover(
            failure -> {
              LOG.error("unexpected failure on an IPC request", failure);
              return Future.succeededFuture(
                  Optional.of(IpcLines.error(RpcError.INTERNAL_ERROR.exception())));
            });
  }
}
