package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.jsonrpc.Json;

/** Blocks, transactions and receipts in the JSON shape of GoQuorum 21.1 (geth 1.9.7). */
final class WireFormat {
  static final String ZERO_BLOOM = "0x" + "0".repeat(512);
  /** go-ethereum's hash of an empty uncle list; dev node blocks have no uncles. */
  static final String EMPTY_UNCLES =
      "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347";

  private WireFormat() {}

  static ObjectNode block(Block block, boolean fullTransactions) {
    ObjectNode json =
        Json.MAPPER
            .createObjectNode()
            .put("number", Hex.quantity(block.number()))
            .put("hash", block.hash().hex())
            .put("parentHash", block.parentHash().hex())
            .put("nonce", "0x0000000000000000")
            .put("mixHash", Hash.ZERO.hex())
            .put("sha3Uncles", EMPTY_UNCLES)
            .put("logsBloom", ZERO_BLOOM)
            .put("stateRoot", block.stateRoot().hex())
            .put("miner", block.miner().hex())
            .put("difficulty", "0x1")
            .put("totalDifficulty", Hex.quantity(block.number() + 1))
            .put("extraData", "0x")
            .put("size", Hex.quantity(block.size()))
            .put("gasLimit", Hex.quantity(block.gasLimit()))
            .put("gasUsed", Hex.quantity(block.gasUsed()))
            .put("timestamp", Hex.quantity(block.timestamp()))
            .put("transactionsRoot", block.transactionsRoot().hex())
            .put("receiptsRoot", block.receiptsRoot().hex());
    ArrayNode txs = json.putArray("transactions");
    for (int i = 0; i < block.transactions().size(); i++) {
      if (fullTransactions) {
        txs.add(transaction(block, i));
      } else {
        txs.add(block.transactions().get(i).hash().hex());
      }
    }
    json.putArray("uncles");
    return json;
  }

  static ObjectNode transaction(Block block, int index) {
    Transaction tx = block.transactions().get(index);
    ObjectNode json =
        Json.MAPPER
            .createObjectNode()
            .put("blockHash", block.hash().hex())
            .put("blockNumber", Hex.quantity(block.number()))
            .put("from", tx.from().hex())
            .put("gas", Hex.quantity(tx.gas()))
            .put("gasPrice", Hex.quantity(tx.gasPrice()))
            .put("hash", tx.hash().hex())
            .put("input", tx.input())
            .put("nonce", Hex.quantity(tx.nonce()));
    json.put("to", tx.to().map(Address::hex).orElse(null));
    return json.put("transactionIndex", Hex.quantity(index))
        .put("value", Hex.quantity(tx.value()))
        .put("v", Hex.quantity(tx.v()))
        .put("r", Hex.quantity(tx.r()))
        .put("s", Hex.quantity(tx.s()));
  }

  static ObjectNode receipt(Block block, int index) {
    Transaction tx = block.transactions().get(index);
    Receipt receipt = block.receipts().get(index);
    ObjectNode json =
        Json.MAPPER
            .createObjectNode()
            .put("blockHash", block.hash().hex())
            .put("blockNumber", Hex.quantity(block.number()))
            .put("transactionHash", tx.hash().hex())
            .put("transactionIndex", Hex.quantity(index))
            .put("from", tx.from().hex());
    json.put("to", tx.to().map(Address::hex).orElse(null));
    json.put("gasUsed", Hex.quantity(receipt.gasUsed()))
        .put("cumulativeGasUsed", Hex.quantity(receipt.cumulativeGasUsed()));
    json.put("contractAddress", receipt.contractAddress().map(Address::hex).orElse(null));
    json.putArray("logs");
    return json.put("logsBloom", ZERO_BLOOM).put("status", receipt.success() ? "0x1" : "0x0");
  }
}
