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
 */
public final class RawTransactionGuard implements Guard {
  private final TransactionRules rules;
  private final PayloadSender sender;

  public RawTransactionGuard(GuardContext context) {
    this.rules = new TransactionRules(context);
    this.sender = new PayloadSender(context);
  }

  @Override
  public Future<Decision> check(Principal tenant, RpcRequest request) {
    try {
      SignedTransaction tx =
          SignedTransaction.decode(Params.text(Params.at(request, 0), "transaction"));
      TenantGrants grants = TenantGrants.of(tenant);
      Future<Void> verdict =
          tx.isPrivate() ? privately(grants, tx) : rules.publicTransaction(grants, tx.to());
      return verdict.map(ok -> Decision.forward(request));
    } catch (RpcException invalid) {
      return Future.failedFuture(invalid);
    }
  }

  private Future<Void> privately(TenantGrants grants, SignedTransaction tx) {
    byte[] payloadHash = tx.payloadHash();
    String account = tx.signer();
    return sender
        .ofStored(payloadHash)
        .compose(key -> rules.privateTransaction(grants, account, tx.to(), key));
  }
}
