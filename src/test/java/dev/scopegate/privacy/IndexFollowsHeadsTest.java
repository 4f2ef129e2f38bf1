package dev.scopegate.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.devnode.DevTessera;
import dev.scopegate.devnode.PrivacyRequest;
import dev.scopegate.devnode.TransactionRequest;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With upstream.ws the index follows new heads by subscription, not by its (here hour-long) poll. */
@ExtendWith(VertxExtension.class)
class IndexFollowsHeadsTest {

  @Test
  void aNewHeadWakesTheIndex(Vertx vertx) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    try (Stack stack = Stack.start(vertx, node, c -> TestConfigs.withPollInterval(
        TestConfigs.withUpstreamWs(c, node.wsUrl()), Duration.ofHours(1)))) {
      stack.awaitIndexed();
      var created = node.chain().mineTransaction(TransactionRequest.create(node.chain().accounts().get(0), "0xaaaa")
          .withPrivacy(PrivacyRequest.local(DevTessera.KB, List.of(), 0)));
      stack.awaitIndexed();
      var contract = created.local().privateReceipt().orElseThrow().contractAddress().orElseThrow();
      var fact = stack.proxy().scopegate().privacy().index().orElseThrow().store().contract(contract.hex());
      assertEquals(Parties.of(DevTessera.KB), fact.orElseThrow().parties());
    }
  }

  @Test
  void aHeadMinedWhileTheUpstreamSocketIsDownIsIndexedOnceTheSubscriptionIsBack(Vertx vertx)
      throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    try (Stack stack = Stack.start(vertx, node, c -> TestConfigs.withPollInterval(
        TestConfigs.withUpstreamWs(c, node.wsUrl()), Duration.ofHours(1)))) {
      stack.awaitIndexed();
      node.subscribed("newHeads", 1).await(10, TimeUnit.SECONDS);

      node.wsAvailable(false);
      node.dropWebSockets().await(10, TimeUnit.SECONDS);
      var created = node.chain().mineTransaction(TransactionRequest.create(node.chain().accounts().get(0), "0xbbbb")
          .withPrivacy(PrivacyRequest.local(DevTessera.KC, List.of(), 0)));
      node.wsAvailable(true);
      // Re-established; the node sends no notification for the head mined meanwhile.
      node.subscribed("newHeads", 2).await(10, TimeUnit.SECONDS);

      stack.awaitIndexed();
      var contract = created.local().privateReceipt().orElseThrow().contractAddress().orElseThrow();
      var fact = stack.proxy().scopegate().privacy().index().orElseThrow().store().contract(contract.hex());
      assertEquals(Parties.of(DevTessera.KC), fact.orElseThrow().parties());
    }
  }
}
