package dev.scopegate.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.jsonrpc.Json;
import java.util.List;
import org.web3j.utils.Bloom;
import org.web3j.utils.Numeric;

/** Log objects as a GoQuorum node sends them, and blooms computed by web3j to check ours. */
final class Logs {
  static final String PUBLIC = "0x1111111111111111111111111111111111111111";
  static final String OURS = "0x2222222222222222222222222222222222222222";
  static final String FOREIGN = "0x3333333333333333333333333333333333333333";
  /** keccak256("Transfer(address,address,uint256)"). */
  static final String TRANSFER = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
  static final String TX = "0x5a1b7e9a1c3f0d2e4b6a8c0e2f4a6b8c0d2e4f6a8b0c2d4e6f8a0b2c4d6e8f0a";

  private Logs() {}

  static ObjectNode log(String address, long block, int index, String... topics) {
    ObjectNode log = Json.MAPPER.createObjectNode()
        .put("address", address)
        .put("blockHash", "0x9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b")
        .put("blockNumber", "0x" + Long.toHexString(block))
        .put("data", "0x00000000000000000000000000000000000000000000000000000000000003e8")
        .put("logIndex", "0x" + Integer.toHexString(index))
        .put("removed", false)
        .put("transactionHash", TX)
        .put("transactionIndex", "0x0");
    ArrayNode list = log.putArray("topics");
    for (String topic : topics) {
      list.add(topic);
    }
    return log;
  }

  /** {@code log}, as emitted by the transaction {@code hash}. */
  static ObjectNode in(String hash, ObjectNode log) {
    return log.put("transactionHash", hash);
  }

  static ArrayNode list(JsonNode... logs) {
    ArrayNode list = Json.MAPPER.createArrayNode();
    for (JsonNode log : logs) {
      list.add(log);
    }
    return list;
  }

  /** web3j's bloom of these logs (its own implementation), as 0x and 512 hex digits. */
  static String web3jBloom(List<JsonNode> logs) {
    Bloom bloom = new Bloom();
    for (JsonNode log : logs) {
      bloom.add(Numeric.hexStringToByteArray(log.path("address").textValue()));
      log.path("topics").forEach(t -> bloom.add(Numeric.hexStringToByteArray(t.textValue())));
    }
    return Numeric.toHexString(bloom.getBytes());
  }

  static boolean bloomHas(String bloom, String item) {
    return Bloom.test(Numeric.hexStringToByteArray(bloom), Numeric.hexStringToByteArray(item));
  }
}
