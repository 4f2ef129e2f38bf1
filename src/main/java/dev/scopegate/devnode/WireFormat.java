package dev.scopegate.devnode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.jsonrpc.Json;
import java.util.Optional;

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
            .put("logsBloom", Hex.data(block.logsBloom()))
            .put("stateRoot", block.stateRoot().hex())
            .put("miner", block.miner().hex())
            .put("difficulty", "0x1")
            .put("totalDifficulty", Hex.quantity(block.number() + 1))
            .put("extraData", block.extraData())
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
    return transaction(block, index, block.transactions().get(index));
  }

  /** {@code tx} as mined at {@code index} of {@code block} (a marker's internal one included). */
  static ObjectNode transaction(Block block, int index, Transaction tx) {
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

  /**
   * A receipt of the transaction at {@code index}: {@code receipt} is the public or the private
   * one; {@code logsOf} is the transaction the logs name (a marker's internal one, else the
   * mined one); {@code markerFlag} adds GoQuorum 21.7's {@code isPrivacyMarkerTransaction}.
   */
  static ObjectNode receipt(
      Block block, int index, Receipt receipt, Transaction logsOf, Optional<Boolean> markerFlag) {
    Transaction tx = block.transactions().get(index);
    ObjectNode json =
        Json.MAPPER
            .createObjectNode()
            .put("blockHash", block.hash().hex())
            .put("blockNumber", Hex.quantity(block.number()))
            .put("transactionHash", receipt.transactionHash().hex())
            .put("transactionIndex", Hex.quantity(index))
            .put("from", tx.from().hex());
    json.put("to", logsOf.to().map(Address::hex).orElse(null));
    json.put("gasUsed", Hex.quantity(receipt.gasUsed()))
        .put("cumulativeGasUsed", Hex.quantity(receipt.cumulativeGasUsed()));
    json.put("contractAddress", receipt.contractAddress().map(Address::hex).orElse(null));
    ArrayNode logs = json.putArray("logs");
    int offset = 0; // geth numbers logs across the block
    for (int i = 0; i < index; i++) {
      offset += block.receipts().get(i).logs().size();
    }
    for (int i = 0; i < receipt.logs().size(); i++) {
      logs.add(log(block, index, logsOf, receipt.logs().get(i), offset + i));
    }
    json.put("logsBloom", Hex.data(receipt.bloom())).put("status", receipt.success() ? "0x1" : "0x0");
    markerFlag.ifPresent(flag -> json.put("isPrivacyMarkerTransaction", flag));
    return json;
  }

  private static ObjectNode log(Block block, int index, Transaction tx, Log log, int logIndex) {
    ObjectNode json = Json.MAPPER.createObjectNode().put("address", log.address().hex());
    ArrayNode topics = json.putArray("topics");
    log.topics().forEach(topic -> topics.add(topic.hex()));
    return json.put("data", log.data())
        .put("blockNumber", Hex.quantity(block.number()))
        .put("transactionHash", tx.hash().hex())
        .put("transactionIndex", Hex.quantity(index))
        .put("blockHash", block.hash().hex())
        .put("logIndex", Hex.quantity(logIndex))
        .put("removed", false);
  }

  /** A signed transaction as go-ethereum marshals one: what a marker's payload carries. */
  static byte[] signed(Transaction tx) {
    try {
      return Json.MAPPER.writeValueAsBytes(signedJson(tx));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * go-ethereum's JSON of a {@code types.Transaction} (no sender, no block): what {@code
   * eth_signTransaction} returns as {@code tx}.
   */
  static ObjectNode signedJson(Transaction tx) {
    ObjectNode json =
        Json.MAPPER
            .createObjectNode()
            .put("nonce", Hex.quantity(tx.nonce()))
            .put("gasPrice", Hex.quantity(tx.gasPrice()))
            .put("gas", Hex.quantity(tx.gas()));
    json.put("to", tx.to().map(Address::hex).orElse(null));
    json.put("value", Hex.quantity(tx.value()))
        .put("input", tx.input())
        .put("v", Hex.quantity(tx.v()))
        .put("r", Hex.quantity(tx.r()))
        .put("s", Hex.quantity(tx.s()))
        .put("hash", tx.hash().hex());
    return json;
  }

  /** geth's {@code SignTransactionResult}: the RLP and the transaction. */
  static ObjectNode signTransactionResult(SignedTx tx, Address from) {
    ObjectNode json = Json.MAPPER.createObjectNode().put("raw", Hex.data(tx.encode()));
    json.set("tx", signedJson(tx.toTransaction(from)));
    return json;
  }
}
