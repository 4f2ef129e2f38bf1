package dev.scopegate.transport.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.RpcError;

/**
 * Bounds a {@code logs} subscription's filter: at most four topic positions (geth's
 * {@code maxTopics}, eth/filters/api.go) and at most {@code maxTerms} addresses plus topic
 * alternatives together. The memory a filter holds, and the work per log, grow with that sum.
 */
final class LogsFilterSize {
  private static final int MAX_TOPIC_POSITIONS = 4;

  private LogsFilterSize() {}

  /** Throws {@code logs filter too large} when {@code criteria} exceeds the bounds. */
  static void check(JsonNode criteria, int maxTerms) {
    int terms = count(criteria.path("address"));
    JsonNode topics = criteria.path("topics");
    if (topics.isArray()) {
      if (topics.size() > MAX_TOPIC_POSITIONS) {
        throw RpcError.LOGS_FILTER_TOO_LARGE.withData(
            "at most " + MAX_TOPIC_POSITIONS + " topic positions");
      }
      for (JsonNode position : topics) {
        terms += count(position);
      }
    }
    if (terms > maxTerms) {
      throw RpcError.LOGS_FILTER_TOO_LARGE.withData("at most " + maxTerms
          + " addresses and topics together (server.ws.maxLogsFilterTerms)");
    }
  }

  private static int count(JsonNode node) {
    return node.isArray() ? node.size() : node.isMissingNode() || node.isNull() ? 0 : 1;
  }
}
