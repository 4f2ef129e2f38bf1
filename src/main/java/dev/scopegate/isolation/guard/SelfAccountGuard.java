package dev.scopegate.isolation.guard;

import dev.scopegate.codec.Params;
import dev.scopegate.codec.SignedTransaction;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.policy.Decision;
import dev.scopegate.policy.Guard;
import io.vertx.core.Future;

/**
 * Multiple private states: a client-signed private transaction passes only when its signer is in
 * the routed PSI's {@code self.eoa} grant — GoQuorum's check ({@code IsAuthorized} with {@code
 * WithSelfEOAIf(isRaw, from)}, internal/ethapi/api.go {@code SubmitTransaction}), which covers
 * private transactions only; a public one passes, as there.
 */
public final class SelfAccountGuard implements Guard {
  @Override
  public Future<Decision> check(Principal tenant, RpcRequest request) {
    try {
      SignedTransaction tx = SignedTransaction.decode(Params.text(Params.at(request, 0), "transaction"));
      if (!tx.isPrivate() && request.method().equals("eth_sendRawTransaction")) {
        return Future.succeededFuture(Decision.forward(request));
      }
      String signer = tx.signer();
      boolean allowed = tenant.psi().map(psi -> tenant.psiGrants().mayUseSelfAccount(psi, signer)).orElse(false);
      return allowed
          ? Future.succeededFuture(Decision.forward(request))
          : Future.failedFuture(RpcError.NOT_AUTHORIZED.exception());
    } catch (RpcException invalid) {
      return Future.failedFuture(invalid);
    }
  }
}
