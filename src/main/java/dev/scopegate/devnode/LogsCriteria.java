package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code address} and {@code topics} of a {@code logs} subscription, decoded and matched as
 * go-ethereum's {@code FilterCriteria}: no address matches any; topic positions are ANDed, the
 * hashes within one position ORed, and an empty position (null) matches anything. Block ranges are
 * not applied: a subscription only ever sees new blocks.
 */
record LogsCriteria(Set<Address> addresses, List<Set<Hash>> topics) {
  static final LogsCriteria ANY = new LogsCriteria(Set.of(), List.of());

  LogsCriteria {
    addresses = Set.copyOf(addresses);
    topics = List.copyOf(topics);
  }

  /** geth's {@code FilterCriteria.UnmarshalJSON}: JSON null is no criteria at all. */
  static LogsCriteria decode(JsonNode json) {
    if (json.isNull()) {
      return ANY;
    }
    if (!json.isObject()) {
      throw InvalidArgument.ofType(NodeParams.kind(json), "filters.input");
    }
    JsonNode criteria = GoKeys.canonical(json, FilterCriteria.FIELDS);
    return new LogsCriteria(addresses(criteria.get("address")), topics(criteria.get("topics")));
  }

  boolean matches(Log log) {
    if (!addresses.isEmpty() && !addresses.contains(log.address())) {
      return false;
    }
    if (topics.size() > log.topics().size()) {
      return false;
    }
    for (int i = 0; i < topics.size(); i++) {
      if (!topics.get(i).isEmpty() && !topics.get(i).contains(log.topics().get(i))) {
        return false;
      }
    }
    return true;
  }

  private static Set<Address> addresses(JsonNode json) {
    if (json == null || json.isNull()) {
      return Set.of();
    }
    if (json.isTextual()) {
      return Set.of(address(json.textValue(), "invalid address: "));
    }
    if (!json.isArray()) {
      throw new InvalidArgument("invalid addresses in query");
    }
    List<Address> addresses = new ArrayList<>();
    for (int i = 0; i < json.size(); i++) {
      if (!json.get(i).isTextual()) {
        throw new InvalidArgument("non-string address at index " + i);
      }
      addresses.add(address(json.get(i).textValue(), "invalid address at index " + i + ": "));
    }
    return Set.copyOf(addresses);
  }

  private static List<Set<Hash>> topics(JsonNode json) {
    if (json == null || json.isNull()) {
      return List.of();
    }
    if (!json.isArray()) {
      throw InvalidArgument.ofType(NodeParams.kind(json), "[]interface {}");
    }
    List<Set<Hash>> topics = new ArrayList<>();
    for (JsonNode position : json) {
      topics.add(position(position).map(Set::copyOf).orElse(Set.of()));
    }
    return topics;
  }

  /** One topic position; empty when it matches anything (null, or null among alternatives). */
  private static Optional<List<Hash>> position(JsonNode json) {
    if (json.isNull()) {
      return Optional.empty();
    }
    if (json.isTextual()) {
      return Optional.of(List.of(topic(json.textValue())));
    }
    if (!json.isArray()) {
      throw new InvalidArgument("invalid topic(s)");
    }
    List<Hash> alternatives = new ArrayList<>();
    for (JsonNode alternative : json) {
      if (alternative.isNull()) {
        return Optional.empty();
      }
      if (!alternative.isTextual()) {
        throw new InvalidArgument("invalid topic(s)");
      }
      alternatives.add(topic(alternative.textValue()));
    }
    return Optional.of(alternatives);
  }

  private static Address address(String text, String context) {
    return Address.of(Hex.data(decode(text, 20, "address", context)));
  }

  private static Hash topic(String text) {
    return Hash.of(Hex.data(decode(text, 32, "topic", "")));
  }

  /** hexutil.Decode, then geth's length check, with its texts. */
  private static byte[] decode(String text, int length, String what, String context) {
    byte[] bytes;
    try {
      bytes = Hex.decodeData(text, null);
    } catch (InvalidArgument e) {
      throw new InvalidArgument(context + e.getMessage());
    }
    if (bytes.length != length) {
      throw new InvalidArgument(
          String.format(
              "%shex has invalid length %d after decoding; expected %d for %s",
              context, bytes.length, length, what));
    }
    return bytes;
  }
}
