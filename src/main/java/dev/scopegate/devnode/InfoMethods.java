package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scopegate.jsonrpc.Json;

/** What the node says about itself: versions, network, chain id, accounts, its (empty) pool. */
final class InfoMethods {
  /**
   * GoQuorum 21.1.0's version string, with the node identity (geth's {@code --identity})
   * saying it is the dev node.
   */
  static final String CLIENT_VERSION =
      "Geth/scopegate-devnode/v1.9.7-stable-a21e1d44(quorum-v21.1.0)/linux-amd64/go1.15.5";

  private InfoMethods() {}

  static void register(MethodTable table, Chain chain) {
    table
        .add("web3_clientVersion", 0, p -> TextNode.valueOf(CLIENT_VERSION))
        .add("web3_sha3", 1, p -> TextNode.valueOf(Hex.data(Keccak.hash256(p.data(0)))))
        .add("net_version", 0, p -> TextNode.valueOf(Long.toString(chain.chainId())))
        .add("net_listening", 0, p -> BooleanNode.TRUE)
        .add("net_peerCount", 0, p -> TextNode.valueOf("0x0"))
        .add("eth_chainId", 0, p -> TextNode.valueOf(Hex.quantity(chain.chainId())))
        .add("eth_syncing", 0, p -> BooleanNode.FALSE)
        .add("eth_gasPrice", 0, p -> TextNode.valueOf("0x0")) // GoQuorum: gas is free
        .add("eth_accounts", 0, p -> accounts(chain))
        .add("personal_listAccounts", 0, p -> accounts(chain))
        .add("txpool_content", 0, p -> emptyPool())
        .add("txpool_inspect", 0, p -> emptyPool())
        .add("txpool_status", 0, p -> poolStatus());
  }

  /** Instamine leaves nothing waiting: geth's pool shape, with nothing in it. */
  private static ObjectNode emptyPool() {
    ObjectNode pool = Json.MAPPER.createObjectNode();
    pool.putObject("pending");
    pool.putObject("queued");
    return pool;
  }

  private static ObjectNode poolStatus() {
    return Json.MAPPER.createObjectNode().put("pending", "0x0").put("queued", "0x0");
  }

  private static ArrayNode accounts(Chain chain) {
    ArrayNode accounts = Json.MAPPER.createArrayNode();
    chain.accounts().forEach(a -> accounts.add(a.hex()));
    return accounts;
  }
}
