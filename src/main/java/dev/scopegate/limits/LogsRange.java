package dev.scopegate.limits;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.codec.GoFields;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcRequest;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How many blocks one logs query ({@code eth_getLogs}, {@code eth_newFilter}) spans, read as
 * GoQuorum reads its criteria (eth/filters/api.go, {@code FilterCriteria.UnmarshalJSON}; tags
 * and numbers as rpc/types.go {@code BlockNumber.UnmarshalJSON}): keys case-insensitively, a
 * missing or null bound is {@code latest}, {@code blockHash} is one block. {@code latest} and
 * {@code pending} need the node's head; criteria that cannot be read are refused rather than
 * guessed, since the node might read them as a wider range.
 */
final class LogsRange {
  static final Set<String> METHODS = Set.of("eth_getLogs", "eth_newFilter");

  private LogsRange() {}

  /** The blocks {@code request} spans; fails {@code INVALID_PARAMS} or {@code BLOCK_RANGE_UNKNOWN}. */
  static Future<Long> blocks(RpcRequest request, Supplier<Future<Long>> head) {
    Bounds bounds;
    try {
      bounds = bounds(request);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    if (bounds.single()) {
      return Future.succeededFuture(1L);
    }
    if (bounds.from().isPresent() && bounds.to().isPresent()) {
      return Future.succeededFuture(span(bounds.from().get(), bounds.to().get()));
    }
    Future<Long> known;
    try {
      known = head.get();
    } catch (RuntimeException e) {
      known = Future.failedFuture(e);
    }
    return known
        .recover(e -> Future.failedFuture(RpcError.BLOCK_RANGE_UNKNOWN.exception()))
        .map(h -> span(bounds.from().orElse(h + bounds.fromPending()), bounds.to().orElse(h + bounds.toPending())));
  }

  private static long span(long from, long to) {
    return to < from ? 0 : to - from + 1;
  }

  /** Fixed bounds where given; a tag resolved at the head is empty, with 1 for {@code pending}. */
  private record Bounds(boolean single, Optional<Long> from, long fromPending, Optional<Long> to, long toPending) {}

  private static Bounds bounds(RpcRequest request) {
    JsonNode params = request.params().orElse(null);
    if (params == null || !params.isArray() || params.isEmpty() || !params.get(0).isObject()) {
      throw RpcError.INVALID_PARAMS.withData("expected a filter object as the first parameter");
    }
    JsonNode criteria = params.get(0);
    Optional<JsonNode> hash = GoFields.field(criteria, "blockHash");
    Optional<JsonNode> from = GoFields.field(criteria, "fromBlock");
    Optional<JsonNode> to = GoFields.field(criteria, "toBlock");
    if (hash.isPresent()) {
      if (from.isPresent() || to.isPresent()) {
        throw RpcError.INVALID_PARAMS.withData("cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other");
      }
      return new Bounds(true, Optional.empty(), 0, Optional.empty(), 0);
    }
    Optional<Long> fromNumber = from.flatMap(LogsRange::number);
    Optional<Long> toNumber = to.flatMap(LogsRange::number);
    return new Bounds(false, fromNumber, pending(from), toNumber, pending(to));
  }

  private static long pending(Optional<JsonNode> tag) {
    return tag.map(t -> "pending".equals(t.textValue()) ? 1L : 0L).orElse(0L);
  }

  /** A block number; empty for {@code latest} and {@code pending}, which the head decides. */
  private static Optional<Long> number(JsonNode value) {
    if (!value.isTextual()) {
      throw RpcError.INVALID_PARAMS.withData("block numbers are hex strings or tags");
    }
    String text = value.textValue().strip();
    switch (text) {
      case "earliest":
        return Optional.of(0L);
      case "latest", "pending":
        return Optional.empty();
      default:
        if (!text.startsWith("0x") && !text.startsWith("0X") || text.length() < 3 || text.length() > 18) {
          throw RpcError.INVALID_PARAMS.withData("invalid block number");
        }
        try {
          long number = Long.parseUnsignedLong(text.substring(2), 16);
          if (number < 0) {
            throw RpcError.INVALID_PARAMS.withData("block number too large");
          }
          return Optional.of(number);
        } catch (NumberFormatException e) {
          throw RpcError.INVALID_PARAMS.withData("invalid block number");
        }
    }
  }
}
