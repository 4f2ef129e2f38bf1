package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The logs of a block as this node reports them: each transaction's logs as its receipt shows them,
 * so a private transaction this node is party to contributes its private logs (GoQuorum puts them
 * in eth_getLogs and filters), and one it is not party to contributes none. Behind a privacy
 * marker, the internal transaction's private logs count.
 */
final class NodeLogs {
  private NodeLogs() {}

  static List<ObjectNode> of(Block block) {
    List<ObjectNode> logs = new ArrayList<>();
    for (int i = 0; i < block.transactions().size(); i++) {
      receipt(new MinedTransaction(block, i))
          .get("logs")
          .forEach(log -> logs.add((ObjectNode) log));
    }
    return logs;
  }

  private static ObjectNode receipt(MinedTransaction mined) {
    LocalResult local = mined.local();
    Block block = mined.block();
    if (local.marker() && local.inner().isPresent() && local.privateReceipt().isPresent()) {
      return WireFormat.receipt(
          block,
          mined.index(),
          local.privateReceipt().get(),
          local.inner().get(),
          Optional.empty());
    }
    Receipt receipt =
        local.marker() ? mined.receipt() : local.privateReceipt().orElse(mined.receipt());
    return WireFormat.receipt(block, mined.index(), receipt, mined.transaction(), Optional.empty());
  }
}
