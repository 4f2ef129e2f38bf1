package dev.scopegate.privacy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code StateShared(address toExtend, string tesseraHash, string uuid)} log: an extension
 * management contract saying it shared {@code contract}'s state. Whether it is honoured is the
 * {@link FactMerger}'s decision: any contract can emit this topic.
 *
 * @param emitter the contract that emitted the log (lower-case 0x-hex)
 */
record StateShared(String emitter, String contract, String tesseraHash, String txHash) {

  /**
   * GoQuorum's test for an extension log: exactly one topic, StateShared's
   * (extension/privacyExtension/state_set_utilities.go, logContainsExtensionTopic).
   */
  static boolean matches(JsonNode log) {
    JsonNode topics = log.path("topics");
    return topics.size() == 1 && ChainFormat.STATE_SHARED_TOPIC.equals(ChainFormat.lower(topics.get(0)));
  }

  /** Decodes the ABI data (three head words, then the dynamic strings); throws when malformed. */
  static StateShared decode(JsonNode log, String txHash) {
    byte[] data = ChainFormat.data(log.path("data"));
    Abi.string(data, 2); // the uuid: GoQuorum's UnpackStateSharedLog fails without it
    return new StateShared(
        ChainFormat.lower(log.path("address")), Abi.address(data, 0), Abi.string(data, 1), txHash);
  }
}
