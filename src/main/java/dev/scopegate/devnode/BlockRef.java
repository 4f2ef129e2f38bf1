package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * A block named by a call: a tag ({@code latest}, {@code earliest}, {@code pending}), a
 * number, or (EIP-1898, for state reads) a hash. Instamine leaves nothing pending, so
 * {@code pending} is the head.
 */
sealed interface BlockRef {
  /** rpc/types.go {@code BlockNumberOrHash}'s JSON fields. */
  List<String> FIELDS = List.of("blockNumber", "blockHash", "requireCanonical");

  record Tag(String name) implements BlockRef {}

  record Number(long number) implements BlockRef {}

  record ByHash(Hash hash) implements BlockRef {}

  /** A block number or tag ({@code rpc.BlockNumber}). */
  static BlockRef number(JsonNode node) {
    String text = node.isTextual() ? node.textValue().trim() : node.toString();
    if (text.equals("latest") || text.equals("earliest") || text.equals("pending")) {
      return new Tag(text);
    }
    BigInteger number = Hex.decodeQuantity(text, 64, null);
    if (number.bitLength() > 63) {
      throw new InvalidArgument("Blocknumber too high");
    }
    return new Number(number.longValue());
  }

  /** A block number, tag, or EIP-1898 object ({@code rpc.BlockNumberOrHash}). */
  static BlockRef numberOrHash(JsonNode node) {
    if (!node.isObject()) {
      return number(node);
    }
    // rpc/types.go BlockNumberOrHash.UnmarshalJSON decodes into a struct: keys match as Go's do
    JsonNode fields = GoKeys.canonical(node, FIELDS);
    JsonNode number = fields.get("blockNumber");
    JsonNode hash = fields.get("blockHash");
    if (number != null && hash != null) {
      throw new InvalidArgument(
          "cannot specify both BlockHash and BlockNumber, choose one or the other");
    }
    if (hash != null) {
      return new ByHash(
          Hash.of(Hex.decodeFixed(NodeParams.text(hash, "common.Hash"), 32, "common.Hash")));
    }
    if (number != null) {
      return number(number);
    }
    throw new InvalidArgument("invalid arguments; neither block nor hash specified");
  }

  /** The block, if the chain has it. */
  default Optional<Block> find(Chain chain) {
    if (this instanceof ByHash byHash) {
      return chain.block(byHash.hash());
    }
    if (this instanceof Number n) {
      return chain.block(n.number());
    }
    return ((Tag) this).name().equals("earliest") ? chain.block(0) : Optional.of(chain.head());
  }

  /** The block whose state a read sees; geth's errors when there is none. */
  default Block stateBlock(Chain chain) {
    return find(chain)
        .orElseThrow(
            () ->
                this instanceof ByHash
                    ? NodeError.HEADER_FOR_HASH_NOT_FOUND.exception()
                    : NodeError.HEADER_NOT_FOUND.exception());
  }
}
