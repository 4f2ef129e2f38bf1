package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InfoMethodsTest extends DevNodeTestBase {

  @Test
  void chainIdAndNetworkIdDefaultTo1337() {
    assertEquals("0x539", client.result("eth_chainId").asText());
    assertEquals("1337", client.result("net_version").asText());
  }

  @Test
  void clientVersionIsGoQuorumsMarkedAsTheDevNode() {
    assertEquals(
        "Geth/scopegate-devnode/v1.9.7-stable-a21e1d44(quorum-v21.1.0)/linux-amd64/go1.15.5",
        client.result("web3_clientVersion").asText());
  }

  @Test
  void networkAndMiningFacts() {
    assertEquals(true, client.result("net_listening").asBoolean());
    assertEquals("0x0", client.result("net_peerCount").asText());
    assertEquals(false, client.result("eth_syncing").asBoolean());
    assertEquals("0x0", client.result("eth_gasPrice").asText());
  }

  @Test
  void web3Sha3IsKeccak256() {
    // keccak256("hello world")
    assertEquals(
        "0x47173285a8d7341e5e972fc677286384f802f8ef42a5ec5f03bbfa254cb01fad",
        client.result("web3_sha3", "0x68656c6c6f20776f726c64").asText());
  }

  @Test
  void rpcModulesListsWhatAGoQuorumNodeWithTheUsualApisAnswers() {
    assertEquals(
        RpcClient.parse(
            "{\"eth\":\"1.0\",\"net\":\"1.0\",\"web3\":\"1.0\",\"debug\":\"1.0\","
                + "\"personal\":\"1.0\",\"txpool\":\"1.0\",\"rpc\":\"1.0\"}"),
        client.result("rpc_modules"));
  }

  @Test
  void accountsAreTheNodeManagedOnesInOrder() {
    assertEquals(
        RpcClient.parse("[\"" + NODE1 + "\",\"" + NODE2 + "\",\"" + NODE3 + "\"]"),
        client.result("eth_accounts"));
  }
}
