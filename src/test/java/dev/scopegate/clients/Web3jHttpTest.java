package dev.scopegate.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.devnode.DevNode;
import dev.scopegate.testing.Proxy;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.NetVersion;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.protocol.http.HttpService;

/** web3j, a real client, through Scopegate to the dev node. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Web3jHttpTest {
  private Stack stack;
  private DevNode node;
  private Proxy proxy;

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    stack = Stack.start(vertx);
    node = stack.node();
    proxy = stack.proxy();
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  private Web3j client(String header, String value) {
    HttpService service = new HttpService(proxy.url().toString());
    if (header != null) {
      service.addHeader(header, value);
    }
    return Web3j.build(service);
  }

  private Web3j tenant(String... scopes) {
    return client("Authorization", "Bearer " + stack.token(scopes));
  }

  @Test
  void tenantReadsPublicChainData() throws Exception {
    Web3j web3 = tenant("rpc://eth_*", "rpc://web3_clientVersion");
    try {
      assertEquals(BigInteger.valueOf(1337), web3.ethChainId().send().getChainId());
      assertTrue(web3.web3ClientVersion().send().getWeb3ClientVersion().contains("quorum"));
      BigInteger head = web3.ethBlockNumber().send().getBlockNumber();
      EthBlock.Block block =
          web3.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock();
      assertEquals(head, block.getNumber());
      assertNotNull(block.getHash());
    } finally {
      web3.shutdown();
    }
  }

  @Test
  void tenantSeesRefusalsAsJsonRpcErrors() throws Exception {
    Web3j web3 = tenant("rpc://eth_chainId");
    try {
      NetVersion denied = web3.netVersion().send();
      assertNull(denied.getNetVersion());
      assertEquals(-32001, denied.getError().getCode());
      assertEquals("net_version - access denied", denied.getError().getMessage());
      assertEquals(
          "eth_getBalance - access denied",
          web3.ethGetBalance(node.chain().accounts().get(0).toString(), DefaultBlockParameterName.LATEST)
              .send()
              .getError()
              .getMessage());
    } finally {
      web3.shutdown();
    }
  }

  @Test
  void operatorWithTheApiKeyReadsBalances() throws Exception {
    Web3j web3 = client("X-API-Key", TestConfigs.API_KEY);
    try {
      BigInteger balance =
          web3.ethGetBalance(node.chain().accounts().get(0).toString(), DefaultBlockParameterName.LATEST)
              .send()
              .getBalance();
      assertTrue(balance.signum() > 0);
    } finally {
      web3.shutdown();
    }
  }

  @Test
  void noTokenIsAnHttp401ForTheClient() {
    Web3j web3 = client(null, null);
    try {
      ClientConnectionException refused =
          assertThrows(ClientConnectionException.class, () -> web3.ethChainId().send());
      assertTrue(refused.getMessage().contains("401"), refused.getMessage());
    } finally {
      web3.shutdown();
    }
  }
}
