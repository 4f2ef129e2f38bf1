package dev.scopegate.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.devnode.DevScenario;
import dev.scopegate.devnode.PrivacyRequest;
import dev.scopegate.devnode.Scenario;
import dev.scopegate.devnode.TransactionRequest;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import io.reactivex.disposables.Disposable;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.websocket.WebSocketClient;
import org.web3j.protocol.websocket.WebSocketService;

/** web3j's WebSocket service, with a bearer header, subscribing to logs through Scopegate. */
@ExtendWith(VertxExtension.class)
class Web3jWebSocketTest {
  private Stack stack;
  private Scenario scenario;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    scenario = DevScenario.seed(node.chain());
    stack = Stack.start(vertx, node, c -> TestConfigs.withUpstreamWs(c, node.wsUrl()));
    stack.awaitIndexed();
  }

  @AfterEach
  void stop() throws Exception {
    stack.close();
  }

  @Test
  void aTenantReceivesOnlyItsLogs() throws Exception {
    String scope = "private://0x0/_/contracts?owned.eoa=0x0&from.tm="
        + scenario.keyB().replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
    String token = stack.token("rpc://eth_*", scope);
    URI ws = URI.create(stack.proxy().url().toString().replaceFirst("^http", "ws"));
    WebSocketService service =
        new WebSocketService(new WebSocketClient(ws, Map.of("Authorization", "Bearer " + token)), false);
    service.connect();
    Web3j web3 = Web3j.build(service);
    BlockingQueue<String> addresses = new LinkedBlockingQueue<>();
    Disposable subscription = web3.logsNotifications(List.of(), List.of())
        .subscribe(n -> addresses.add(n.getParams().getResult().getAddress()));
    try {
      mine(scenario.privateA().address(), PrivacyRequest.local(scenario.keyA(), List.of(), 0));
      mine(scenario.privateB().address(), PrivacyRequest.local(scenario.keyB(), List.of(), 0));
      assertEquals(scenario.privateB().address().hex(), addresses.poll(10, TimeUnit.SECONDS),
          "B's log arrives; A's, mined first, never does");
      assertEquals(null, addresses.poll(300, TimeUnit.MILLISECONDS));
    } finally {
      subscription.dispose();
      web3.shutdown();
    }
  }

  private void mine(dev.scopegate.devnode.Address contract, PrivacyRequest privacy) {
    stack.node().chain().mineTransaction(
        TransactionRequest.call(scenario.ownerA(), contract, "0xbeef").withPrivacy(privacy));
  }
}
