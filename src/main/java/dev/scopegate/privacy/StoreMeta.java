package dev.scopegate.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.jsonrpc.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The store's metadata record: the schema version of its values and the identity it is tied to.
 * JSON, unlike the facts: it is read once per start and an operator may want to read it.
 */
record StoreMeta(int schema, StoreIdentity identity) {
  /** The format of keys and values this code writes; any other version is rebuilt. */
  static final int SCHEMA = 2; // 2: extension management contracts

  byte[] toBytes() {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("schema", schema);
    node.put("genesisHash", identity.genesisHash());
    node.put("chainId", identity.chainId());
    ArrayNode keys = node.putArray("tesseraKeys");
    StoreIdentity.sorted(identity.tesseraKeys()).forEach(keys::add);
    return Json.string(node).getBytes(StandardCharsets.UTF_8);
  }

  /** The record, or empty when it is not one this code could have written. */
  static Optional<StoreMeta> parse(byte[] value) {
    try {
      JsonNode node = Json.read(value);
      JsonNode keys = node.path("tesseraKeys");
      if (!node.path("schema").isInt()
          || !node.path("genesisHash").isTextual()
          || !node.path("chainId").isTextual()
          || !keys.isArray()) {
        return Optional.empty();
      }
      Set<String> tesseraKeys = new HashSet<>();
      for (JsonNode key : keys) {
        if (!key.isTextual()) {
          return Optional.empty();
        }
        tesseraKeys.add(key.asText());
      }
      StoreIdentity identity =
          new StoreIdentity(
              node.get("genesisHash").asText(), node.get("chainId").asText(), tesseraKeys);
      return Optional.of(new StoreMeta(node.get("schema").asInt(), identity));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
