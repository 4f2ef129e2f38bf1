package dev.scopegate.privacy;

import java.util.Optional;
import dev.scopegate.mode.NodeMode;
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
      assertEquals(Optional.of(NodeMode.SINGLE), stack.proxy().scopegate().privacy().mode());
      node.subscribed("newHeads", 1).await(10, TimeUnit.SECONDS);
      node.resetRequestCounts();

      node.dropWebSockets().await(10, TimeUnit.SECONDS);

      // the mode probe (ModeProbe): a one-state GoQuorum answers eth_getPSI with the PSI it was asked
      node.received("eth_getPSI", 1).await(20, TimeUnit.SECONDS);
      assertEquals(Optional.of(NodeMode.SINGLE), stack.proxy().scopegate().privacy().mode(), "GoQuorum stays private");
    }
  }
}
