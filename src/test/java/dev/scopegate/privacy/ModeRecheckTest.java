package dev.scopegate.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The node behind a socket that came back may be another one: its mode is asked again. */
@ExtendWith(VertxExtension.class)
class ModeRecheckTest {

  @Test
  void theModeIsAskedAgainWhenTheNodesSocketComesBack(Vertx vertx) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    try (Stack stack = Stack.start(vertx, node, c -> TestConfigs.withUpstreamWs(c, node.wsUrl()))) {
      assertEquals(NodeMode.SINGLE, stack.proxy().scopegate().privacy().mode());
      node.subscribed("newHeads", 1).await(10, TimeUnit.SECONDS);
      node.resetRequestCounts();

      node.dropWebSockets().await(10, TimeUnit.SECONDS);

      node.received("eth_getQuorumPayload", 1).await(20, TimeUnit.SECONDS);
      node.received("eth_getContractPrivacyMetadata", 1).await(20, TimeUnit.SECONDS);
      assertEquals(NodeMode.SINGLE, stack.proxy().scopegate().privacy().mode(), "GoQuorum stays private");
    }
  }
}
