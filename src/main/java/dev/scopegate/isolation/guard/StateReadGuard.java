package dev.scopegate.isolation.guard;

import dev.scopegate.isolation.GuardContext;
import dev.scopegate.isolation.Party;
import dev.scopegate.codec.Params;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scopegate.async.Futures;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.policy.Decision;
import dev.scopegate.policy.Guard;
import dev.scopegate.privacy.ContractPrivacy;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * Account and state reads, which GoQuorum answers from the private state first: the block is
 * pinned, and for a private contract the tenant is not party to the answer is what a non-party
 * node gives ({@code 0x0}, {@code 0x}, the zero word, the empty root) — or a refusal where a
 * non-party node has nothing plausible to show ({@code eth_getProof}).
 */
public final class StateReadGuard implements Guard {
  public static final String EMPTY_ROOT = "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421";
  public static final String ZERO_WORD = "0x" + "0".repeat(64);

  private final GuardContext context;
  private final int blockIndex;
  private final Optional<JsonNode> nonPartyAnswer;
  private final boolean pendingForAccounts;

  private StateReadGuard(
      GuardContext context, int blockIndex, Optional<JsonNode> nonPartyAnswer, boolean pendingForAccounts) {
    this.context = context;
    this.blockIndex = blockIndex;
    this.nonPartyAnswer = nonPartyAnswer;
    this.pendingForAccounts = pendingForAccounts;
  }

  /** A wallet's nonce or balance: {@code pending} answered from the node's pending state for accounts. */
  public static StateReadGuard accountRead(GuardContext context, int blockIndex, String answer) {
    return new StateReadGuard(context, blockIndex, Optional.of(TextNode.valueOf(answer)), true);
  }

  /** Reads answered, for a non-party, with {@code answer}. */
  public static StateReadGuard answering(GuardContext context, int blockIndex, String answer) {
    return new StateReadGuard(context, blockIndex, Optional.of(TextNode.valueOf(answer)), false);
  }

  /** Reads refused to a non-party. */
  public static StateReadGuard refusing(GuardContext context, int blockIndex) {
    return new StateReadGuard(context, blockIndex, Optional.empty(), false);
  }

  @Override
  public Future<Decision> check(Principal tenant, RpcRequest request) {
    return Attempt.of(() -> {
      String address = Params.address(request, 0);
      boolean pending = pendingForAccounts && PendingAccountRead.asksPending(request, blockIndex);
      return Futures.compose(Pinned.pin(context, request, blockIndex), pinned ->
          Futures.compose(context.resolver().contract(address, pinned.block()), privacy -> pending && isReadable(tenant, privacy)
              ? PendingAccountRead.answer(context.node(), request, address).compose(answer -> answer
                  .map(a -> Future.succeededFuture(Decision.respond(a)))
                  .orElseGet(() -> decide(tenant, privacy, pinned)))
              : decide(tenant, privacy, pinned)));
    });
  }

  private static boolean isReadable(Principal tenant, ContractPrivacy privacy) {
    return !(privacy instanceof ContractPrivacy.Private p) || Party.READER.is(tenant, p.parties());
  }

  private Future<Decision> decide(Principal tenant, ContractPrivacy privacy, Pinned pinned) {
    if (!isReadable(tenant, privacy)) {
      return nonPartyAnswer
          .map(answer -> Future.succeededFuture(Decision.respond(answer)))
          .orElseGet(() -> Future.failedFuture(RpcError.NOT_AUTHORIZED.exception()));
    }
    return Future.succeededFuture(Decision.forward(pinned.request()));
  }
}
