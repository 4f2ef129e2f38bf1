package dev.scopegate.upstream;

import static dev.scopegate.upstream.WsFixtures.head;
import static dev.scopegate.upstream.WsFixtures.json;
import static dev.scopegate.upstream.WsFixtures.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.testing.ScriptedWsNode;
import dev.scopegate.upstream.ws.SharedWsUpstream;
import dev.scopegate.upstream.ws.Subscription;
import dev.scopegate.upstream.ws.SubscriptionSink;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sinks sharing upstream subscriptions, through a real WebSocket to a stand-in node. */
@ExtendWith(VertxExtension.class)
class SharedWsSubscriptionsTest {
  private static final JsonNode NEW_HEADS = json("[\"newHeads\"]");

  private ScriptedWsNode node;
  private SharedWsUpstream upstream;

  @BeforeEach
  void start(Vertx vertx) {
    node = ScriptedWsNode.start(vertx);
    upstream = SharedWsUpstream.create(vertx, node.url(), Duration.ofSeconds(5), WsFixtures.FAST);
  }

  @AfterEach
  void stop() {
    WsFixtures.result(upstream.close());
    node.close();
  }

  @Test
  void identicalParamsInAnyKeyOrderShareOneUpstreamSubscription() {
    RecordingSink first = new RecordingSink();
    RecordingSink second = new RecordingSink();
    JsonNode addressFirst = json("[\"logs\",{\"address\":\"0xaa\",\"topics\":[\"0x01\"]}]");
    JsonNode topicsFirst = json("[\"logs\",{\"topics\":[\"0x01\"],\"address\":\"0xaa\"}]");
    WsFixtures.result(upstream.subscribe(addressFirst, first));
    WsFixtures.result(upstream.subscribe(topicsFirst, second));
    assertEquals(1, node.count("eth_subscribe"));

    node.mine(log(5, 0));
    node.mine(log(5, 1));
    for (RecordingSink sink : List.of(first, second)) {
      assertEquals(log(5, 0), sink.next());
      assertEquals(log(5, 1), sink.next());
    }
  }

  @Test
  void differentParamsAreSeparateSubscriptionsAndNotificationsFindTheirOwn() {
    RecordingSink heads = new RecordingSink();
    RecordingSink logs = new RecordingSink();
    WsFixtures.result(upstream.subscribe(NEW_HEADS, heads));
    WsFixtures.result(upstream.subscribe(json("[\"logs\",{}]"), logs));
    assertEquals(2, node.count("eth_subscribe"));

    node.emit("newHeads", head(1));
    node.mine(log(1, 0));
    node.emit("newHeads", head(2));
    assertEquals(head(1), heads.next());
    assertEquals(head(2), heads.next());
    assertEquals(log(1, 0), logs.next());
    assertEquals(0, heads.unread() + logs.unread());
  }

  @Test
  void tenThousandSinksOnNewHeadsAreOneUpstreamSubscription() throws Exception {
    int sinks = 10_000;
    int heads = 3;
    CountDownLatch delivered = new CountDownLatch(sinks * heads);
    List<List<JsonNode>> received = new ArrayList<>();
    List<Future<Subscription>> subscriptions = new ArrayList<>();
    for (int i = 0; i < sinks; i++) {
      List<JsonNode> mine = new ArrayList<>();
      received.add(mine);
      subscriptions.add(upstream.subscribe(NEW_HEADS, new CountingSink(mine, delivered)));
    }
    WsFixtures.result(Future.all(subscriptions));
    assertEquals(1, node.count("eth_subscribe"));

    for (int n = 1; n <= heads; n++) {
      node.emit("newHeads", head(n));
    }
    assertTrue(delivered.await(10, TimeUnit.SECONDS), "every sink got every head");
    List<JsonNode> expected = List.of(head(1), head(2), head(3));
    for (List<JsonNode> sink : received) {
      synchronized (sink) {
        assertEquals(expected, sink, "each sink in the node's order");
      }
    }
  }

  @Test
  void aRefusedSubscribeFailsWithTheNodesMessageAndLeavesNothingBehind() {
    node.refuseSubscriptions("no notification type \"bogus\"");
    RpcException refused =
        WsFixtures.failure(upstream.subscribe(json("[\"bogus\"]"), new RecordingSink()));
    assertEquals(RpcError.INVALID_PARAMS, refused.error());
    assertEquals("no notification type \"bogus\"", refused.data().orElseThrow());

    node.refuseSubscriptions(null);
    WsFixtures.result(upstream.subscribe(json("[\"bogus\"]"), new RecordingSink()));
    assertEquals(2, node.count("eth_subscribe"), "a refusal is not remembered as a subscription");
  }

  @Test
  void onlyTheLastSinkToCancelUnsubscribesUpstream() {
    RecordingSink staying = new RecordingSink();
    RecordingSink leaving = new RecordingSink();
    Subscription stays = WsFixtures.result(upstream.subscribe(NEW_HEADS, staying));
    Subscription leaves = WsFixtures.result(upstream.subscribe(NEW_HEADS, leaving));

    WsFixtures.result(leaves.cancel());
    WsFixtures.result(leaves.cancel());
    assertEquals(0, node.count("eth_unsubscribe"));
    node.emit("newHeads", head(1));
    assertEquals(head(1), staying.next());
    assertEquals(0, leaving.unread(), "a cancelled sink gets nothing more");

    WsFixtures.result(stays.cancel());
    assertEquals(1, node.count("eth_unsubscribe"));
    assertEquals(json("[\"0x1\"]"), node.params("eth_unsubscribe").get(0));
    assertEquals(0, node.activeSubscriptions());
    assertFalse(staying.ended() || leaving.ended(), "cancelling is not an end");

    WsFixtures.result(upstream.subscribe(NEW_HEADS, new RecordingSink()));
    assertEquals(2, node.count("eth_subscribe"), "after the last cancel, a new subscription");
  }

  @Test
  void paramsThatAreNotASubscriptionAreRefusedWithoutAskingTheNode() {
    JsonNode notAnArray = json("{\"type\":\"newHeads\"}");
    RpcException refused =
        WsFixtures.failure(upstream.subscribe(notAnArray, new RecordingSink()));
    assertEquals(RpcError.INVALID_PARAMS, refused.error());
    assertEquals(0, node.received().size());
  }

  /** Records into a list of its own, counting every delivery down. */
  private record CountingSink(List<JsonNode> into, CountDownLatch delivered)
      implements SubscriptionSink {
    @Override
    public void notification(JsonNode result) {
      synchronized (into) {
        into.add(result);
      }
      delivered.countDown();
    }

    @Override
    public void ended(RpcException why) {}
  }
}
