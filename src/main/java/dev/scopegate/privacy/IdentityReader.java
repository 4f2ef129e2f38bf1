package dev.scopegate.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a privacy index is tied to: the chain (genesis hash, chain id) and Tessera's key set. */
final class IdentityReader {
  private static final Logger LOG = LoggerFactory.getLogger(IdentityReader.class);

  private IdentityReader() {}

  static Future<StoreIdentity> read(NodeRpc node, TesseraClient tessera) {
    Future<JsonNode> genesis = node.call("eth_getBlockByNumber", "0x0", false);
    Future<JsonNode> chainId = node.call("eth_chainId");
    Future<Set<String>> keys = tessera.keys();
    return Future.all(genesis, chainId, keys)
        .andThen(all -> {
          if (all.succeeded() && keys.result().isEmpty()) {
            LOG.warn("Tessera does not list its keys at this address (GET /keys): the privacy index"
                + " is tied to the chain only, and cannot notice a change of Tessera's key set");
          }
        })
        .map(all -> new StoreIdentity(
            ChainFormat.lower(genesis.result().path("hash")),
            ChainFormat.lower(chainId.result()),
            keys.result()));
  }
}
