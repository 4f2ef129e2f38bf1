package dev.scopegate.isolation.guard;

import dev.scopegate.isolation.GuardContext;
import dev.scopegate.codec.GoFields;
import dev.scopegate.codec.Params;
import dev.scopegate.codec.SignedTransaction;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.policy.Decision;
import dev.scopegate.policy.Guard;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * {@code eth_sendRawPrivateTransaction} and {@code eth_distributePrivateTransaction}: a
 * client-signed transaction whose input is the hash of a payload the client stored raw in Tessera;
 * the node distributes that payload as its sender. The sending key is Tessera's {@code senderKey}
 * for it; a {@code privateFrom} the client states must be that key. The signer is the account.
 * The payload, fetched from Tessera's raw store, is traced before the transaction is forwarded
 * ({@link ClientSignedSend}).
 */
public final class RawPrivateTransactionGuard implements Guard {
  private final ClientSignedSend send;
  private final PayloadSender sender;

  public RawPrivateTransactionGuard(GuardContext context, TransactionTrace trace) {
    this.send = new ClientSignedSend(context, trace);
    this.sender = new PayloadSender(context);
  }

  @Override
  public Future<Decision> check(Principal tenant, RpcRequest request) {
    try {
      SignedTransaction tx = ClientSignedSend.decode(request);
      byte[] payloadHash = tx.payloadHash();
      String account = tx.signer();
      Optional<String> claimed = claimedKey(request);
      return sender
          .ofRaw(payloadHash)
          .compose(
              stored ->
                  claimed.isPresent() && !claimed.get().equals(stored.senderKey())
                      ? Future.<Void>failedFuture(RpcError.NOT_AUTHORIZED.exception())
                      : send.privately(tenant, tx, account, stored))
          .map(ok -> Decision.forward(request));
    } catch (RpcException invalid) {
      return Future.failedFuture(invalid);
    }
  }

  private static Optional<String> claimedKey(RpcRequest request) {
    Optional<JsonNode> args = Params.optional(request, 1);
    if (args.isPresent() && !args.get().isObject()) {
      throw RpcError.INVALID_PARAMS.withData("private arguments must be an object");
    }
    return args.flatMap(a -> GoFields.field(a, "privateFrom"))
        .map(v -> Params.text(v, "privateFrom"))
        .filter(k -> !k.isEmpty());
  }
}
