package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.jsonrpc.Json;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;

/**
 * {@code eth_getProof(address, keys, block)} in geth 1.9's shape, private state first as GoQuorum's
 * {@code EthAPIState} reads it. An existing account's proof is one node, the trie leaf of its
 * account (nonce, balance, storage root, code hash); a set slot's proof is its leaf in the storage
 * trie. Both are real encodings, but of one-leaf tries: they do not lead to the block's state root,
 * which the dev node does not compute as a trie. An absent account or slot has an empty proof.
 */
final class ProofMethods {
  private ProofMethods() {}

  static void register(MethodTable table, Chain chain) {
    table.add("eth_getProof", 3, p -> proof(chain, p));
  }

  private static ObjectNode proof(Chain chain, NodeParams params) {
    Address address = params.address(0);
    List<String> keys = params.get(1, ProofMethods::keys);
    Block block = params.get(2, BlockRef::numberOrHash).stateBlock(chain);
    AccountState account = chain.visibleAccount(address, block.number());
    ObjectNode json = Json.MAPPER.createObjectNode().put("address", address.hex());
    ArrayNode accountProof = json.putArray("accountProof");
    if (!account.isEmpty()) {
      accountProof.add(Hex.data(Storage.leafNode(address.bytes(), accountRlp(account))));
    }
    json.put("balance", Hex.quantity(account.balance()))
        .put("codeHash", Storage.codeHash(account).hex())
        .put("nonce", Hex.quantity(account.nonce()))
        .put("storageHash", Storage.root(account).hex());
    ArrayNode storageProof = json.putArray("storageProof");
    for (String key : keys) {
      Hash slot = Hex.lenientHash(key);
      ObjectNode entry =
          storageProof
              .addObject()
              .put("key", key)
              .put("value", Hex.quantity(new BigInteger(1, Storage.value(account, slot).bytes())));
      ArrayNode nodes = entry.putArray("proof");
      Storage.proof(account, slot).ifPresent(leaf -> nodes.add(Hex.data(leaf)));
    }
    return json;
  }

  private static byte[] accountRlp(AccountState account) {
    return RlpEncoder.encode(
        new RlpList(
            RlpString.create(account.nonce()),
            RlpString.create(account.balance()),
            RlpString.create(Storage.root(account).bytes()),
            RlpString.create(Storage.codeHash(account).bytes())));
  }

  private static List<String> keys(JsonNode node) {
    if (!node.isArray()) {
      throw InvalidArgument.ofType(NodeParams.kind(node), "[]string");
    }
    List<String> keys = new ArrayList<>();
    node.forEach(key -> keys.add(NodeParams.text(key, "string")));
    return keys;
  }
}
