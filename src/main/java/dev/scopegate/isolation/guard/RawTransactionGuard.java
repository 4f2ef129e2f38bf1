package dev.scopegate.isolation.guard;

import dev.scopegate.isolation.GuardContext;
import dev.scopegate.codec.SignedTransaction;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.policy.Decision;
import dev.scopegate.policy.Guard;
import io.vertx.core.Future;

/**
 * {@code eth_sendRawTransaction}. A public transaction is signed by the client's own key and uses
 * none of the node's: it passes, unless it targets a private contract none of the tenant's keys is
 * party to. A private one (v = 37/38) names a payload already in Tessera; its sending key is the
 * {@code senderKey} Tessera reports, its account the signer, and it must pass the private rules.
 * Either way it is traced before it is forwarded ({@link ClientSignedSend}).
 */
public final class RawTransactionGuard implements Guard {
  private final ClientSignedSend send;
  private final PayloadSender sender;

  public RawTransactionGuard(GuardContext context, TransactionTrace trace) {
    this.send = new ClientSignedSend(context, trace);
    this.sender = new PayloadSender(context);
  }

  @Override
  public Future<Decision> check(Principal tenant, RpcRequest request) {
    try {
      SignedTransaction tx = ClientSignedSend.decode(request);
      Future<Void> checked;
      if (tx.isPrivate()) {
        byte[] payloadHash = tx.payloadHash();
        String account = tx.signer();
        checked = sender.ofStored(payloadHash)
            .compose(stored -> send.privately(tenant, tx, account, stored));
      } else {
        checked = send.publicly(tenant, tx);
      }
      return checked.map(ok -> Decision.forward(request));
    } catch (RpcException invalid) {
      return Future.failedFuture(invalid);
    }
  }
}
