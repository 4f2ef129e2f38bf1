package dev.scopegate.isolation.guard;

import dev.scopegate.async.Futures;
import dev.scopegate.isolation.GuardContext;
import dev.scopegate.codec.Params;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.privacy.BlockPinner;
import io.vertx.core.Future;

/** A tenant's call with its block parameter replaced by one concrete number. */
public record Pinned(RpcRequest request, long block) {

  /** Pins param {@code index} ("latest", "pending", absent → the head as of now). */
  public static Future<Pinned> pin(GuardContext context, RpcRequest request, int index) {
    return Futures.map(Attempt.of(() -> context.pinner().pin(Params.optional(request, index).orElse(null))),
        block -> new Pinned(Params.with(request, index, BlockPinner.asParameter(block)), block));
  }
}
