package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scopegate.jsonrpc.Json;
import java.util.Optional;

/**
 * GoQuorum's privacy reads: contract privacy metadata (21.x), the privacy-marker API (21.7.1+,
 * served when markers are on) and {@code eth_getPSI} (served by MPS nodes only).
 */
final class PrivacyMethods {
  private PrivacyMethods() {}

  static void register(MethodTable table, Chain chain, DevNodeOptions options) {
    table.add(
        "eth_getContractPrivacyMetadata",
        1,
        p -> metadata(chain, p.address(0), options.metadataHashAsBytes()));
    if (options.privacyMarkers()) {
      table
          .add(
              "eth_getPrivacyPrecompileAddress",
              0,
              p -> TextNode.valueOf(TransactionExecutor.PRIVACY_PRECOMPILE.hex()))
          .add(
              "eth_getPrivateTransactionByHash",
              1,
              p -> TransactionMethods.lookup(chain, p, PrivacyMethods::innerTransaction))
          .add(
              "eth_getPrivateTransactionReceipt",
              1,
              p -> TransactionMethods.lookup(chain, p, PrivacyMethods::innerReceipt));
    }
    // GoQuorum 21.4.2+ answers eth_getPSI on every node (internal/ethapi/api.go GetPSI): with one
    // private state, whatever PSI the request named ("private" when none, core/default_psm.go);
    // with several, the request's PSI, or "unable to find private state for context psi X" for a
    // PSI that is not one of its resident groups (core/multiple_psm.go ResolveForUserContext).
    table.add("eth_getPSI", 0, p -> {
      chain.privateStates().current();
      return TextNode.valueOf(Psi.current());
    });
  }

  /** As GoQuorum's {@code EthAPIState}: only an address in the private state has metadata. */
  private static JsonNode metadata(Chain chain, Address address, boolean hashAsBytes) {
    long head = chain.head().number();
    if (!chain.isPrivate(address, head)) {
      throw NodeError.NOT_PRIVATE_CONTRACT.exception(address.hex().substring(2));
    }
    NodeContractPrivacy privacy =
        chain
            .privacy(address, head)
            .filter(NodeContractPrivacy::hasExtraData)
            .orElseThrow(NodeError.NO_EXTRA_DATA::exception);
    ObjectNode json = Json.MAPPER.createObjectNode();
    if (hashAsBytes) {
      ArrayNode bytes = json.putArray("creationTxHash");
      for (byte b : privacy.creationHash().bytes()) {
        bytes.add(b & 0xff);
      }
      return json.put("privacyFlag", privacy.privacyFlag());
    }
    json.put("creationTxHash", privacy.creationHash().base64())
        .put("privacyFlag", privacy.privacyFlag());
    json.putArray("mandatoryFor");
    return json;
  }

  private static JsonNode innerTransaction(MinedTransaction mined) {
    return mined
        .local()
        .inner()
        .<JsonNode>map(inner -> WireFormat.transaction(mined.block(), mined.index(), inner))
        .orElse(NullNode.getInstance());
  }

  private static JsonNode innerReceipt(MinedTransaction mined) {
    LocalResult local = mined.local();
    Optional<Transaction> inner = local.inner();
    if (!local.marker() || inner.isEmpty() || local.privateReceipt().isEmpty()) {
      return NullNode.getInstance();
    }
    return WireFormat.receipt(
        mined.block(),
        mined.index(),
        local.privateReceipt().get(),
        inner.get(),
        Optional.of(false));
  }
}
