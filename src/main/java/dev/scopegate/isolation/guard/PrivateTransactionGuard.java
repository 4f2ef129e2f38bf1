package dev.scopegate.isolation.guard;

import dev.scopegate.isolation.GuardContext;
import dev.scopegate.isolation.Party;
import dev.scopegate.codec.Params;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.policy.Decision;
import dev.scopegate.policy.Guard;
import dev.scopegate.privacy.Parties;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * Calls about one transaction that can reveal its private side (the private transaction behind a
 * marker, its private receipt, a trace of it): forwarded when the transaction is public or the
 * tenant is party; otherwise answered as a non-party node answers ({@code null}), or refused.
 */
public final class PrivateTransactionGuard implements Guard {
  private final GuardContext context;
  private final Optional<JsonNode> nonPartyAnswer;

  private PrivateTransactionGuard(GuardContext context, Optional<JsonNode> nonPartyAnswer) {
    this.context = context;
    this.nonPartyAnswer = nonPartyAnswer;
  }

  public static PrivateTransactionGuard answeringNull(GuardContext context) {
    return new PrivateTransactionGuard(context, Optional.of(NullNode.getInstance()));
  }

  public static PrivateTransactionGuard refusing(GuardContext context) {
    return new PrivateTransactionGuard(context, Optional.empty());
  }

  @Override
  public Future<Decision> check(Principal tenant, RpcRequest request) {
    return Attempt.of(() -> context.resolver()
        .transaction(Params.hash(request, 0))
        .compose(parties -> decide(tenant, parties, request)));
  }

  private Future<Decision> decide(Principal tenant, Optional<Parties> parties, RpcRequest request) {
    if (parties.isEmpty() || Party.READER.is(tenant, parties.get())) {
      return Future.succeededFuture(Decision.forward(request));
    }
    return nonPartyAnswer
        .map(answer -> Future.succeededFuture(Decision.respond(answer)))
        .orElseGet(() -> Future.failedFuture(RpcError.NOT_AUTHORIZED.exception()));
  }
}
