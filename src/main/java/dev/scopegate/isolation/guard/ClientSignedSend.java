package dev.scopegate.isolation.guard;

import dev.scopegate.isolation.GuardContext;
import dev.scopegate.isolation.TenantGrants;
import dev.scopegate.codec.Params;
import dev.scopegate.codec.SignedTransaction;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.privacy.StoredPayload;
import io.vertx.core.Future;

/**
 * The half {@link RawTransactionGuard} and {@link RawPrivateTransactionGuard} share: a
 * client-signed transaction in the first parameter, its signer as the sending account, and for a
 * private one the sending key Tessera reports for the stored payload, the private rules, then a
 * trace with the payload the node will run ({@link TransactionTrace}).
 */
public final class ClientSignedSend {
  private final TransactionRules rules;
  private final TransactionTrace trace;

  public ClientSignedSend(GuardContext context, TransactionTrace trace) {
    this.rules = new TransactionRules(context);
    this.trace = trace;
  }

  /** The signed transaction the call carries; an undecodable one is invalid params. */
  public static SignedTransaction decode(RpcRequest request) {
    return SignedTransaction.decode(Params.text(Params.at(request, 0), "transaction"));
  }

  /** A public transaction: its target, then its trace with its own input. */
  public Future<Void> publicly(Principal tenant, SignedTransaction tx) {
    return rules
        .publicTransaction(TenantGrants.of(tenant), tx.to())
        .compose(ok -> trace.check(tenant, tx.asCall(tx.dataHex())));
  }

  /** A private transaction sent as {@code account} with {@code stored}'s key and payload. */
  public Future<Void> privately(
      Principal tenant, SignedTransaction tx, String account, StoredPayload stored) {
    return rules
        .privateTransaction(TenantGrants.of(tenant), account, tx.to(), stored.senderKey())
        .compose(ok -> trace.check(tenant, tx.asCall(stored.payloadHex())));
  }
}
