package dev.scopegate.isolation.guard;

import dev.scopegate.isolation.GuardContext;
import dev.scopegate.isolation.Party;
import dev.scopegate.codec.Params;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.policy.Decision;
import dev.scopegate.policy.Guard;
import io.vertx.core.Future;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * {@code eth_getQuorumPayload(hash)} and its 22.4 sibling: the decrypted payload only for its
 * parties (Tessera says who). A non-party gets what a non-party node gives: {@code 0x}; the
 * richer variant is refused.
 */
public final class QuorumPayloadGuard implements Guard {
  private static final Pattern PAYLOAD_HASH = Pattern.compile("0x[0-9a-fA-F]{128}");

  private final GuardContext context;
  private final boolean answerEmpty;

  public QuorumPayloadGuard(GuardContext context, boolean answerEmpty) {
    this.context = context;
    this.answerEmpty = answerEmpty;
  }

  @Override
  public Future<Decision> check(Principal tenant, RpcRequest request) {
    return Attempt.of(() -> {
      JsonNode hash = Params.at(request, 0);
      if (!hash.isTextual() || !PAYLOAD_HASH.matcher(hash.asText()).matches()) {
        throw RpcError.INVALID_PARAMS.withData("param 0 must be a 64-byte payload hash");
      }
      if (context.tessera().isEmpty()) {
        throw RpcError.PRIVACY_UNAVAILABLE.withData("no privacy manager configured");
      }
      byte[] bytes = HexFormat.of().parseHex(hash.asText().substring(2));
      return context.tessera().get().parties(bytes)
          .recover(e -> Future.failedFuture(RpcError.PRIVACY_UNAVAILABLE.exception()))
          .compose(parties -> {
            if (Party.READER.is(tenant, parties)) {
              return Future.succeededFuture(Decision.forward(request));
            }
            return answerEmpty
                ? Future.succeededFuture(Decision.respond(TextNode.valueOf("0x")))
                : Future.failedFuture(RpcError.NOT_AUTHORIZED.exception());
          });
    });
  }
}
