package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChainIdOptionTest extends DevNodeTestBase {

  @Override
  DevNodeOptions options() {
    return DevNodeOptions.defaults().withChainId(10);
  }

  @Test
  void chainIdAndNetworkIdFollowTheOption() {
    assertEquals("0xa", client.result("eth_chainId").asText());
    assertEquals("10", client.result("net_version").asText());
  }

  @Test
  void transactionsAreSignedForTheConfiguredChain() {
    String hash = send("from", NODE1, "to", NODE2, "value", "0x1");
    String v = client.result("eth_getTransactionByHash", hash).get("v").asText();
    // EIP-155: chainId * 2 + 35 or 36
    assertTrue(v.equals("0x37") || v.equals("0x38"), v);
  }
}
