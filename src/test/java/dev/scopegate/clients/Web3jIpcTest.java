package dev.scopegate.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.devnode.DevNode;
import dev.scopegate.testing.IpcClient;
import dev.scopegate.testing.Proxy;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;
import org.web3j.protocol.ipc.UnixIpcService;

/** Operators over the IPC socket with web3j and a raw client: every method, nothing filtered. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Web3jIpcTest {
  private Stack stack;
  private DevNode node;
  private Proxy proxy;
  private Path socket;

  @BeforeAll
  void start(Vertx vertx, @TempDir Path dir) throws Exception {
    socket = dir.resolve("scopegate.ipc");
    stack = Stack.start(vertx, c -> TestConfigs.withIpc(c, socket));
    node = stack.node();
    proxy = stack.proxy();
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  private String firstAccount() {
    return node.chain().accounts().get(0).toString();
  }

  private Web3j tenant(String... scopes) {
    HttpService service = new HttpService(proxy.url().toString());
    service.addHeader("Authorization", "Bearer " + stack.token(scopes));
    return Web3j.build(service);
  }

  @Test
  void web3jReadsTheChainOverIpc() throws Exception {
    Web3j ipc = Web3j.build(new UnixIpcService(socket.toString()));
    try {
      assertEquals(BigInteger.valueOf(1337), ipc.ethChainId().send().getChainId());
      assertTrue(ipc.web3ClientVersion().send().getWeb3ClientVersion().contains("quorum"));
      assertEquals(
          BigInteger.valueOf(node.chain().head().number()), ipc.ethBlockNumber().send().getBlockNumber());
    } finally {
      ipc.shutdown();
    }
  }

  @Test
  void aMethodATenantIsRefusedIsServedOverIpc() throws Exception {
    Web3j tenant = tenant("rpc://eth_blockNumber");
    Web3j ipc = Web3j.build(new UnixIpcService(socket.toString()));
    try {
      assertEquals(
          "eth_getBalance - access denied",
          tenant.ethGetBalance(firstAccount(), DefaultBlockParameterName.LATEST).send().getError().getMessage());
      BigInteger balance =
          ipc.ethGetBalance(firstAccount(), DefaultBlockParameterName.LATEST).send().getBalance();
      assertTrue(balance.signum() > 0, balance.toString());
    } finally {
      tenant.shutdown();
      ipc.shutdown();
    }
  }

  @Test
  void answersOverIpcAreNotFiltered() throws Exception {
    Web3j tenant = tenant("rpc://eth_*");
    Web3j ipc = Web3j.build(new UnixIpcService(socket.toString()));
    try {
      assertEquals(List.of(), tenant.ethAccounts().send().getAccounts());
      List<String> all = node.chain().accounts().stream().map(Object::toString).toList();
      assertFalse(all.isEmpty());
      assertEquals(all, ipc.ethAccounts().send().getAccounts());
    } finally {
      tenant.shutdown();
      ipc.shutdown();
    }
  }

  @Test
  void aRawClientMayPipelineOverOneConnection() throws Exception {
    try (IpcClient raw = IpcClient.connect(socket)) {
      raw.send(Wire.call(1, "eth_chainId", "[]") + Wire.call(2, "eth_getBalance",
          "[\"" + firstAccount() + "\",\"latest\"]"));
      assertEquals("0x539", raw.json().get("result").asText());
      assertTrue(raw.json().get("result").asText().startsWith("0x"));
    }
  }
}
