package dev.scopegate.privacy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The event GoQuorum's {@code ContractExtender} emits from its constructor:
 * {@code NewContractExtensionContractCreated(address toExtend, string recipientPTMKey, address
 * recipientAddress)} (extension/extensionContracts/contract_extender.sol; GoQuorum's extension
 * service learns new extensions from it, extension/backend.go watchForNewContracts).
 */
record ExtenderCreated(String extended, String recipientKey) {

  static boolean matches(JsonNode log, String emitter) {
    JsonNode topics = log.path("topics");
    return topics.size() == 1
        && ChainFormat.EXTENDER_CREATED_TOPIC.equals(ChainFormat.lower(topics.get(0)))
        && emitter.equals(ChainFormat.lower(log.path("address")));
  }

  /** Throws {@link Abi.Malformed} when the data is not the event's encoding. */
  static ExtenderCreated decode(JsonNode log) {
    byte[] data = ChainFormat.data(log.path("data"));
    Abi.address(data, 2);
    return new ExtenderCreated(Abi.address(data, 0), Abi.string(data, 1));
  }
}
