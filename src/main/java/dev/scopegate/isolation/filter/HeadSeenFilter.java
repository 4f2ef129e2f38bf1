package dev.scopegate.isolation.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.policy.ResponseFilter;
import dev.scopegate.privacy.BlockPinner;
import dev.scopegate.upstream.Answer;
import io.vertx.core.Future;

/**
 * Read-your-writes for tenants: a block number the node answers with ({@code eth_blockNumber}, a
 * receipt's {@code blockNumber}) may be newer than the announced head; later pins must not be
 * below it, or a dApp that saw its receipt would read the state before it.
 */
public final class HeadSeenFilter implements ResponseFilter {
  private final BlockPinner pinner;
  private final ResponseFilter then;

  public HeadSeenFilter(BlockPinner pinner, ResponseFilter then) {
    this.pinner = pinner;
    this.then = then;
  }

  @Override
  public Future<Answer> filter(Principal tenant, RpcRequest request, Answer answer) {
    JsonNode result = answer.result();
    JsonNode number = result == null ? null : result.isObject() ? result.get("blockNumber") : result;
    if (number != null && number.isTextual() && number.asText().startsWith("0x")) {
      try {
        pinner.seen(Long.parseUnsignedLong(number.asText().substring(2), 16));
      } catch (NumberFormatException ignored) {
        // not a quantity: nothing learnt
      }
    }
    return then.filter(tenant, request, answer);
  }
}
