package dev.scopegate.devnode;

import static dev.scopegate.devnode.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class LifecycleTest {
  static final String NODE1 = DevNodeTestBase.NODE1;
  static final String STRANGER = DevNodeTestBase.STRANGER;

  @Test
  void twoNodesInOneJvmHaveTheirOwnPortsAndChains(Vertx vertx) {
    DevNode a = await(DevNode.start(vertx, DevNodeOptions.defaults()));
    DevNode b = await(DevNode.start(vertx, DevNodeOptions.defaults().withChainId(2020)));
    try {
      assertNotEquals(a.httpUrl().getPort(), b.httpUrl().getPort());
      RpcClient clientA = new RpcClient(a.httpUrl());
      RpcClient clientB = new RpcClient(b.httpUrl());
      clientA.result(
          "eth_sendTransaction", Map.of("from", NODE1, "to", STRANGER, "value", "0x1"));

      assertEquals("0x1", clientA.result("eth_blockNumber").asText());
      assertEquals("0x0", clientB.result("eth_blockNumber").asText());
      assertEquals("0x1", clientA.result("eth_getBalance", STRANGER, "latest").asText());
      assertEquals("0x0", clientB.result("eth_getBalance", STRANGER, "latest").asText());
      assertEquals("1337", clientA.result("net_version").asText());
      assertEquals("2020", clientB.result("net_version").asText());
    } finally {
      await(a.close());
      await(b.close());
    }
  }

  @Test
  void closeReleasesThePort(Vertx vertx) {
    DevNode first = await(DevNode.start(vertx, DevNodeOptions.defaults()));
    int port = first.httpUrl().getPort();
    await(first.close());

    UncheckedIOException refused =
        assertThrows(UncheckedIOException.class, () -> new RpcClient(first.httpUrl()).post("{}"));
    assertEquals(ConnectException.class, refused.getCause().getClass());

    DevNode second = await(DevNode.start(vertx, DevNodeOptions.defaults().withPort(port)));
    try {
      assertEquals(port, second.httpUrl().getPort());
      assertEquals("0x539", new RpcClient(second.httpUrl()).result("eth_chainId").asText());
    } finally {
      await(second.close());
    }
  }

  @Test
  void theUrlNamesTheHostAndTheBoundPort(Vertx vertx) {
    DevNode node = await(DevNode.start(vertx, DevNodeOptions.defaults()));
    try {
      assertEquals("http", node.httpUrl().getScheme());
      assertEquals("127.0.0.1", node.httpUrl().getHost());
      assertNotEquals(0, node.httpUrl().getPort());
    } finally {
      await(node.close());
    }
  }
}
