package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Optional;

/** Blocks by number or hash; an unknown block is {@code null}, as geth answers. */
final class BlockMethods {
  private BlockMethods() {}

  static void register(MethodTable table, Chain chain) {
    table
        .add("eth_getBlockByNumber", 2,
            p -> render(p.get(0, BlockRef::number).find(chain), p.bool(1)))
        .add("eth_getBlockByHash", 2, p -> render(chain.block(p.hash(0)), p.bool(1)));
  }

  private static JsonNode render(Optional<Block> block, boolean fullTransactions) {
    return block.<JsonNode>map(b -> WireFormat.block(b, fullTransactions))
        .orElse(NullNode.getInstance());
  }
}
