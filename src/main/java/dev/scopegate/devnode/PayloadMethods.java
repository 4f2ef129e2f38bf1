package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scopegate.jsonrpc.Json;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Private payloads by their Tessera hash, as this node's Tessera gives them: {@code
 * eth_getQuorumPayload} (the decrypted payload, {@code 0x} when Tessera has none for this node) and
 * {@code eth_getQuorumPayloadExtra} (GoQuorum 22.4+: Go's {@code engine.QuorumPayloadExtra}, whose
 * fields have no JSON tags and so keep their Go names). The digest is read with GoQuorum's checks
 * and Go's hex errors.
 */
final class PayloadMethods {
  private PayloadMethods() {}

  static void register(MethodTable table, Chain chain) {
    table
        .add("eth_getQuorumPayload", 1, p -> TextNode.valueOf(payloadHex(find(chain, p))))
        .add("eth_getQuorumPayloadExtra", 1, p -> extra(chain, find(chain, p)));
  }

  private static Optional<PayloadRecord> find(Chain chain, NodeParams params) {
    return chain.tessera().find(digest(params.get(0, node -> NodeParams.text(node, "string"))));
  }

  private static String payloadHex(Optional<PayloadRecord> record) {
    return record.map(found -> Hex.data(found.payload())).orElse("0x");
  }

  private static JsonNode extra(Chain chain, Optional<PayloadRecord> record) {
    ObjectNode json = Json.MAPPER.createObjectNode().put("Payload", payloadHex(record));
    if (record.isEmpty()) {
      json.putNull("ExtraMetaData");
      return json.put("IsSender", false);
    }
    ObjectNode meta = json.putObject("ExtraMetaData");
    meta.putArray("ACHashes");
    meta.put("ACMerkleRoot", Hash.ZERO.hex()).put("PrivacyFlag", record.get().privacyFlag());
    ArrayNode managed = meta.putArray("ManagedParties");
    chain.tessera().managedParties(record.get()).forEach(managed::add);
    meta.put("Sender", record.get().senderKey());
    meta.putNull("MandatoryRecipients");
    return json.put("IsSender", chain.tessera().manages(record.get().senderKey()));
  }

  /** GoQuorum's digest checks, with Go's {@code encoding/hex} errors. */
  static PayloadHash digest(String text) {
    if (text.length() < 3) {
      throw NodeError.DIGEST_INVALID.exception();
    }
    String digits = text.startsWith("0x") ? text.substring(2) : text;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (Character.digit(c, 16) < 0 || c > 127) {
        throw NodeError.HEX_INVALID.exception(
            String.format("invalid byte: U+%04X '%c'", (int) c, c));
      }
    }
    if (digits.length() % 2 != 0) {
      throw NodeError.HEX_INVALID.exception("odd length hex string");
    }
    byte[] bytes = HexFormat.of().parseHex(digits);
    if (bytes.length != PayloadHash.LENGTH) {
      throw NodeError.DIGEST_LENGTH.exception(Integer.toString(bytes.length));
    }
    return new PayloadHash(bytes);
  }
}
