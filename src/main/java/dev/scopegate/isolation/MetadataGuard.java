package dev.scopegate.isolation;

import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.policy.Decision;
import dev.scopegate.policy.Guard;
import dev.scopegate.privacy.ContractPrivacy;
import io.vertx.core.Future;

/**
 * {@code eth_getContractPrivacyMetadata}: for a private contract the tenant is not party to, the
 * answer a non-party node gives — "not a private contract".
 */
final class MetadataGuard implements Guard {
  private final GuardContext context;

  MetadataGuard(GuardContext context) {
    this.context = context;
  }

  @Override
  public Future<Decision> check(Principal tenant, RpcRequest request) {
    return Attempt.of(() -> {
      String address = Params.address(request, 0);
      return context.pinner().pin(null).compose(head -> context.resolver().contract(address, head))
          .compose(privacy -> {
            if (privacy instanceof ContractPrivacy.Private p && !TenantKeys.isParty(tenant, p.parties())) {
              return Future.failedFuture(RpcError.NOT_PRIVATE_CONTRACT.exception(address.substring(2)));
            }
            return Future.succeededFuture(Decision.forward(request));
          });
    });
  }
}
