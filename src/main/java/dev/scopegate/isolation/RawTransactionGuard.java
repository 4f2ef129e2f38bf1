package dev.scopegate.isolation;

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
 * Either way it is traced before it is forwarded ({@link TransactionTrace}), a private one with the
 * payload Tessera holds.
 */
public final class RawTransactionGuard implements Guard {
  private final TransactionRules rules;
  private final PayloadSender sender;
  private final TransactionTrace trace;

  public RawTransactionGuard(GuardContext context, TransactionTrace trace) {
    this.rules = new TransactionRules(context);
    this.sender = new PayloadSender(context);
    this.trace = trace;
  }

  @Override
  public Future<Decision> check(Principal tenant, RpcRequest request) {
    try {
      SignedTransaction tx =
          SignedTransaction.decode(Params.text(Params.at(request, 0), "transaction"));
      TenantGrants grants = TenantGrants.of(tenant);
      Future<String> input =
          tx.isPrivate()
              ? privately(grants, tx)
              : rules.publicTransaction(grants, tx.to()).map(ok -> tx.dataHex());
      return input
          .compose(data -> trace.check(tenant, tx.asCall(data)))
          .map(ok -> Decision.forward(request));
    } catch (RpcException invalid) {
      return Future.failedFuture(invalid);
    }
  }

  /** The private rules passed, the payload the node will run. */
  private Future<String> privately(TenantGrants grants, SignedTransaction tx) {
    byte[] payloadHash = tx.payloadHash();
    String account = tx.signer();
    return sender
        .ofStored(payloadHash)
        .compose(stored -> rules.privateTransaction(grants, account, tx.to(), stored.senderKey())
            .map(ok -> stored.payloadHex()));
  }
}
