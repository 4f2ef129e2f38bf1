package dev.scopegate.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scopegate.jsonrpc.RpcError;
import io.vertx.core.Future;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Pins a tenant call's block parameter to one concrete number, so that the privacy checks and the
 * forwarded call see the same block: {@code latest}, {@code pending} (and absent) become the
 * node's current head (as its {@code newHeads} announce it, else asked); a contract created a
 * moment later cannot slip between check and call.
 */
public final class BlockPinner {
  private final HeadFollower heads;

  public BlockPinner(HeadFollower heads) {
    this.heads = heads;
  }

  /** The block number {@code parameter} names; absent or null means latest. */
  public Future<Long> pin(JsonNode parameter) {
    if (parameter == null || parameter.isNull() || parameter.isMissingNode()) {
      return head();
    }
    if (!parameter.isTextual()) {
      return Future.failedFuture(RpcError.INVALID_PARAMS.withData("block must be a tag or a hex number"));
    }
    String tag = parameter.asText().toLowerCase(Locale.ROOT);
    return switch (tag) {
      case "latest", "pending", "safe", "finalized" -> head();
      case "earliest" -> Future.succeededFuture(0L);
      default -> number(tag);
    };
  }

  /** A block number the node answered a client with: later pins are not below it. */
  public void seen(long number) {
    heads.seen(number);
  }

  /** See {@link HeadFollower#lineage}: empty while the head is not followed. */
  public OptionalLong lineage() {
    return heads.lineage();
  }

  /** The pinned block as a parameter to forward. */
  public static JsonNode asParameter(long block) {
    Pinned last = lastPinned; // every tenant read pins the same head until the next block
    if (last.block() == block) {
      return last.parameter();
    }
    JsonNode parameter = TextNode.valueOf(ChainFormat.hex(block));
    lastPinned = new Pinned(block, parameter);
    return parameter;
  }

  /** A block and its parameter text (a TextNode is immutable, so one serves every request). */
  private record Pinned(long block, JsonNode parameter) {}

  private static volatile Pinned lastPinned = new Pinned(-1, TextNode.valueOf("0x-1"));

  private Future<Long> head() {
    return heads.head();
  }

  private static Future<Long> number(String hex) {
    try {
      if (!hex.startsWith("0x")) {
        throw new NumberFormatException(hex);
      }
      return Future.succeededFuture(Long.parseUnsignedLong(hex.substring(2), 16));
    } catch (NumberFormatException e) {
      return Future.failedFuture(RpcError.INVALID_PARAMS.withData("not a block number: " + hex));
    }
  }
}
