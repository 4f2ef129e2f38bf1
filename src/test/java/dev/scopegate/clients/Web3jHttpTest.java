package dev.scopegate.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.auth.TokenMinter;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.testing.Proxy;
import dev.scopegate.testing.TestConfigs;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
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
  private final TokenMinter minter = TokenMinter.generate();
  private DevNode node;
  private Proxy proxy;

  @BeforeAll
  void start(Vertx vertx, @TempDir Path dir) throws Exception {
    node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    Path pem = dir.resolve("issuer.pem");
    minter.writePublicKeyPem(pem);
    proxy =
        Proxy.start(
            vertx,
            TestConfigs.config(node.httpUrl(), TestConfigs.jwt(Optional.of(pem), Optional.empty())));
  }

  @AfterAll
  void stop() throws Exception {
    proxy.close();
    node.close().await(10, TimeUnit.SECONDS);
  }

  private Web3j client(String header, String value) {
    HttpService service = new HttpService(proxy.url().toString());
    if (header != null) {
      service.addHeader(header, value);
    }
    return Web3j.build(service);
  }

  private Web3j tenant(String... scopes) {
    String token = minter.mint("dapp", List.of(scopes), Duration.ofMinutes(5), Map.of());
    return client("Authorization", "Bearer " + token);
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
