package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.jsonrpc.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What subscriptions deliver, in geth's shapes: the notification, a header, a block's logs. */
final class Notifications {
  /** A log as the chain holds it (for matching) and as the wire shows it. */
  record BlockLog(Log log, ObjectNode json) {}

  private Notifications() {}

  /** {@code {"jsonrpc":"2.0","method":"eth_subscription","params":{"subscription","result"}}}. */
  static ObjectNode message(String subscription, JsonNode result) {
    ObjectNode message =
        Json.MAPPER.createObjectNode().put("jsonrpc", "2.0").put("method", "eth_subscription");
    message.putObject("params").put("subscription", subscription).set("result", result);
    return message;
  }

  /** go-ethereum's {@code types.Header} JSON, field for field and in its order. */
  static ObjectNode header(Block block) {
    ObjectNode full = WireFormat.block(block, false);
    ObjectNode header = Json.MAPPER.createObjectNode();
    for (String field :
        List.of(
            "parentHash",
            "sha3Uncles",
            "miner",
            "stateRoot",
            "transactionsRoot",
            "receiptsRoot",
            "logsBloom",
            "difficulty",
            "number",
            "gasLimit",
            "gasUsed",
            "timestamp",
            "extraData",
            "mixHash",
            "nonce",
            "hash")) {
      header.set(field, full.get(field));
    }
    return header;
  }

  /**
   * Every log of {@code block} in order, the private ones of transactions this node is party to
   * included (GoQuorum merges private receipts into what its filters see), shaped as the receipts
   * show them; {@code removed} as after a reorganisation dropped the block.
   */
  static List<BlockLog> logs(Block block, boolean removed) {
    List<BlockLog> logs = new ArrayList<>();
    for (int i = 0; i < block.transactions().size(); i++) {
      LocalResult local = block.local().get(i);
      Receipt receipt = local.privateReceipt().orElse(block.receipts().get(i));
      Transaction logsOf = local.inner().orElse(block.transactions().get(i));
      JsonNode rendered =
          WireFormat.receipt(block, i, receipt, logsOf, Optional.empty()).get("logs");
      for (int j = 0; j < receipt.logs().size(); j++) {
        ObjectNode json = (ObjectNode) rendered.get(j);
        logs.add(new BlockLog(receipt.logs().get(j), json.put("removed", removed)));
      }
    }
    return logs;
  }
}
