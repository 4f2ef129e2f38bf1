package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decodes the criteria object of {@code eth_getLogs} and {@code eth_newFilter} as geth 1.9's {@code
 * FilterCriteria.UnmarshalJSON} does, with its error texts: an address or a list of them, topics as
 * null, a topic or a list in which a null means any.
 */
final class FilterCriteria {
  private FilterCriteria() {}

  /**
   * eth/filters/api.go {@code FilterCriteria.UnmarshalJSON}'s {@code input}: the names keys are
   * matched to ({@link GoKeys}).
   */
  static final List<String> FIELDS = List.of("blockHash", "fromBlock", "toBlock", "address", "topics");

  static LogQuery decode(JsonNode sent) {
    if (!sent.isObject()) {
      throw InvalidArgument.ofType(NodeParams.kind(sent), "filters.input");
    }
    JsonNode node = GoKeys.canonical(sent, FIELDS);
    Optional<Hash> blockHash =
        present(node, "blockHash")
            ? Optional.of(Hash.of(fixed(node.get("blockHash"), 32, "common.Hash")))
            : Optional.empty();
    Optional<Long> from =
        present(node, "fromBlock") ? number(node.get("fromBlock")) : Optional.empty();
    Optional<Long> to = present(node, "toBlock") ? number(node.get("toBlock")) : Optional.empty();
    if (blockHash.isPresent() && (from.isPresent() || to.isPresent())) {
      throw new InvalidArgument(
          "cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other");
    }
    return new LogQuery(
        blockHash, from, to, addresses(node.get("address")), topics(node.get("topics")));
  }

  private static Optional<Long> number(JsonNode node) {
    BlockRef ref = BlockRef.number(node);
    if (ref instanceof BlockRef.Number number) {
      return Optional.of(number.number());
    }
    return switch (((BlockRef.Tag) ref).name()) {
      case "earliest" -> Optional.of(0L);
      case "pending" -> Optional.of(LogQuery.PENDING);
      default -> Optional.of(LogQuery.LATEST);
    };
  }

  private static List<Address> addresses(JsonNode node) {
    List<Address> addresses = new ArrayList<>();
    if (node == null || node.isNull()) {
      return addresses;
    }
    if (node.isTextual()) {
      addresses.add(Address.of(decoded(node.textValue(), 20, "address", "invalid address: ")));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        if (!node.get(i).isTextual()) {
          throw new InvalidArgument("non-string address at index " + i);
        }
        String prefix = "invalid address at index " + i + ": ";
        addresses.add(Address.of(decoded(node.get(i).textValue(), 20, "address", prefix)));
      }
    } else {
      throw new InvalidArgument("invalid addresses in query");
    }
    return addresses;
  }

  private static List<List<Hash>> topics(JsonNode node) {
    List<List<Hash>> topics = new ArrayList<>();
    if (node == null || node.isNull()) {
      return topics;
    }
    if (!node.isArray()) {
      throw new InvalidArgument("invalid topic(s)");
    }
    for (JsonNode position : node) {
      topics.add(alternatives(position));
    }
    return topics;
  }

  /** One position: null, a topic, or a list of topics in which a null means any. */
  private static List<Hash> alternatives(JsonNode position) {
    List<Hash> any = new ArrayList<>();
    if (position.isNull()) {
      return any;
    }
    if (position.isTextual()) {
      any.add(Hash.of(decoded(position.textValue(), 32, "topic", "")));
      return any;
    }
    if (!position.isArray()) {
      throw new InvalidArgument("invalid topic(s)");
    }
    List<Hash> some = new ArrayList<>();
    for (JsonNode topic : position) {
      if (topic.isNull()) {
        return any;
      }
      if (!topic.isTextual()) {
        throw new InvalidArgument("invalid topic(s)");
      }
      some.add(Hash.of(decoded(topic.textValue(), 32, "topic", "")));
    }
    return some;
  }

  private static byte[] decoded(String text, int length, String what, String prefix) {
    byte[] bytes;
    try {
      bytes = Hex.decodeData(text, null);
    } catch (InvalidArgument e) {
      throw new InvalidArgument(prefix + e.getMessage());
    }
    if (bytes.length != length) {
      throw new InvalidArgument(
          String.format(
              "%shex has invalid length %d after decoding; expected %d for %s",
              prefix, bytes.length, length, what));
    }
    return bytes;
  }

  private static byte[] fixed(JsonNode node, int length, String goType) {
    return Hex.decodeFixed(NodeParams.text(node, goType), length, goType);
  }

  private static boolean present(JsonNode node, String field) {
    return node.hasNonNull(field);
  }
}
