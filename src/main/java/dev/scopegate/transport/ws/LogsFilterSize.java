package dev.scopegate.transport.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.codec.GoFields;
import dev.scopegate.jsonrpc.RpcError;
import java.util.Map;

/**
 * Bounds a {@code logs} subscription's filter: at most four topic positions (geth's
 * {@code maxTopics}, eth/filters/api.go) and at most {@code maxTerms} addresses plus topic
 * alternatives together. The memory a filter holds, and the work per log, grow with that sum.
 */
final class LogsFilterSize {
  private static final int MAX_TOPIC_POSITIONS = 4;

  private LogsFilterSize() {}

  /**
   * Throws {@code logs filter too large} when {@code criteria} exceeds the bounds. Terms are
   * counted under every key the node reads as {@code address} or {@code topics}: GoQuorum's
   * {@code FilterCriteria.UnmarshalJSON} matches keys case-insensitively ({@code "ADDRESS"},
   * {@code "addre\u017f\u017f"}), so counting only the exact key let any size through.
   */
  static void check(JsonNode criteria, int maxTerms) {
    int terms = 0;
    for (Map.Entry<String, JsonNode> field : criteria.properties()) {
      String key = GoFields.fold(field.getKey());
      if (key.equals("address")) {
        terms += count(field.getValue());
      } else if (key.equals("topics")) {
        terms += topicTerms(field.getValue());
      }
    }
    if (terms > maxTerms) {
      throw RpcError.LOGS_FILTER_TOO_LARGE.withData("at most " + maxTerms
          + " addresses and topics together (server.ws.maxLogsFilterTerms)");
    }
  }

  private static int topicTerms(JsonNode topics) {
    if (!topics.isArray()) {
      return 0;
    }
    if (topics.size() > MAX_TOPIC_POSITIONS) {
      throw RpcError.LOGS_FILTER_TOO_LARGE.withData(
          "at most " + MAX_TOPIC_POSITIONS + " topic positions");
    }
    int terms = 0;
    for (JsonNode position : topics) {
      terms += count(position);
    }
    return terms;
  }

  private static int count(JsonNode node) {
    return node.isArray() ? node.size() : node.isMissingNode() || node.isNull() ? 0 : 1;
  }
}
