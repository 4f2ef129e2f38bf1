package dev.scopegate.isolation.guard;

import dev.scopegate.isolation.GuardContext;
import dev.scopegate.isolation.Party;
import dev.scopegate.codec.Params;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.policy.Decision;
import dev.scopegate.policy.Guard;
import dev.scopegate.privacy.ContractPrivacy;
import io.vertx.core.Future;

/**
 * {@code eth_getContractPrivacyMetadata}: for a private contract the tenant is not party to, the
 * answer a non-party node gives — the node's own "not a private contract" for that address,
 * learnt from the node ({@code NotPrivateWording}).
 */
public final class MetadataGuard implements Guard {
  private final GuardContext context;

  public MetadataGuard(GuardContext context) {
    this.context = context;
  }

  @Override
  public Future<Decision> check(Principal tenant, RpcRequest request) {
    return Attempt.of(() -> {
      String address = Params.address(request, 0);
      return context.pinner().pin(null).compose(head -> context.resolver().contract(address, head))
          .compose(privacy -> {
            if (privacy instanceof ContractPrivacy.Private p && !Party.READER.is(tenant, p.parties())) {
              return context.resolver().wording().forAddress(address).compose(Future::failedFuture);
            }
            return Future.succeededFuture(Decision.forward(request));
          });
    });
  }
}
