package dev.scopegate.upstream;

import static dev.scopegate.upstream.WsFixtures.head;
import static dev.scopegate.upstream.WsFixtures.json;
import static dev.scopegate.upstream.WsFixtures.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.testing.ScriptedWsNode;
import dev.scopegate.upstream.ws.Reconnect;
import dev.scopegate.upstream.ws.SharedWsUpstream;
import dev.scopegate.upstream.ws.Subscription;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The node goes away and comes back (or doesn't); subscriptions follow. */
@ExtendWith(VertxExtension.class)
class SharedWsReconnectTest {
  private static final JsonNode NEW_HEADS = json("[\"newHeads\"]");
  private static final JsonNode LOGS_OF_AA = json("[\"logs\",{\"address\":\"0xaa\"}]");

  private Vertx vertx;
  private ScriptedWsNode node;
  private SharedWsUpstream upstream;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    node = ScriptedWsNode.start(vertx);
    upstream = SharedWsUpstream.create(vertx, node.url(), Duration.ofSeconds(5), WsFixtures.FAST);
  }

  @AfterEach
  void stop() {
    WsFixtures.result(upstream.close());
    node.close();
  }

  @Test
  void subscriptionsAreReestablishedAndSinksKeepReceiving() {
    RecordingSink heads = new RecordingSink();
    RecordingSink logs = new RecordingSink();
    WsFixtures.result(upstream.subscribe(NEW_HEADS, heads));
    WsFixtures.result(upstream.subscribe(LOGS_OF_AA, logs));
    node.emit("newHeads", head(1));
    assertEquals(head(1), heads.next());

    node.dropAll();
    node.awaitCount("eth_subscribe", 4);
    node.emit("newHeads", head(2));
    node.mine(log(2, 0));
    assertEquals(head(2), heads.next(), "same sink, new upstream id");
    assertEquals(log(2, 0), logs.next());
    List<JsonNode> again = node.params("eth_subscribe").subList(2, 4);
    assertEquals(Set.of(NEW_HEADS, LOGS_OF_AA), Set.copyOf(again), "each once more");
    assertFalse(heads.ended() || logs.ended());
  }

  @Test
  void logsMissedWhileDisconnectedAreBackfilledFirstWithoutLossOrDuplicate() {
    node.head(9);
    RecordingSink sink = new RecordingSink();
    WsFixtures.result(upstream.subscribe(LOGS_OF_AA, sink));
    node.mine(log(10, 0));
    assertEquals(log(10, 0), sink.next());

    node.refuseConnections(true);
    node.dropAll();
    node.awaitOpenConnections(0);
    node.store(log(10, 1)); // mined while Scopegate was away
    node.store(log(11, 0));

    AtomicBoolean back = new AtomicBoolean(true);
    node.on(
        "eth_blockNumber",
        call -> {
          if (back.get()) {
            // Between re-subscribing and reading the head: 11/1 is notified live (after the
            // batch's answer, as geth does) and also lies within the backfill; 11/2 will be
            // notified late, after the backfill.
            node.mine(log(11, 1));
            node.store(log(11, 2));
          }
          call.result(TextNode.valueOf(back.get() ? "0xb" : "0x9"));
        });
    node.on(
        "eth_getLogs",
        call -> {
          call.result(node.logsIn(call.params().path(0)));
          node.emit("logs", log(11, 2));
          node.mine(log(12, 0));
        });
    node.refuseConnections(false);

    List<JsonNode> expected =
        List.of(log(10, 1), log(11, 0), log(11, 1), log(11, 2), log(12, 0));
    for (JsonNode log : expected) {
      assertEquals(log, sink.next());
    }
    node.mine(log(13, 0));
    assertEquals(log(13, 0), sink.next(), "nothing delivered twice before the next live log");
    assertEquals(0, sink.unread());

    JsonNode criteria = node.params("eth_getLogs").get(0).get(0);
    assertEquals("0xaa", criteria.get("address").asText());
    assertEquals("0xa", criteria.get("fromBlock").asText(), "from the last delivered log's block");
    assertEquals("0xb", criteria.get("toBlock").asText(), "to the head read on re-subscribing");
  }

  @Test
  void aResubscriptionTheNodeRefusesEndsTheSubscription() {
    RecordingSink sink = new RecordingSink();
    WsFixtures.result(upstream.subscribe(NEW_HEADS, sink));
    node.refuseSubscriptions("too many subscriptions");
    node.dropAll();

    RpcException why = sink.ending();
    assertEquals(RpcError.UPSTREAM_UNREACHABLE, why.error());
    String data = why.data().orElseThrow();
    assertTrue(data.contains("too many subscriptions"), data);

    node.refuseSubscriptions(null);
    RecordingSink later = new RecordingSink();
    WsFixtures.result(upstream.subscribe(NEW_HEADS, later));
    assertEquals(3, node.count("eth_subscribe"), "the ended subscription is not reused");
    node.emit("newHeads", head(5));
    assertEquals(head(5), later.next());
    assertEquals(0, sink.unread(), "an ended sink gets nothing more");
  }

  @Test
  void aNodeGoneForGoodEndsSubscriptionsAfterTheBound() {
    SharedWsUpstream bounded =
        SharedWsUpstream.create(
            vertx,
            node.url(),
            Duration.ofSeconds(5),
            new Reconnect(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(300)));
    RecordingSink heads = new RecordingSink();
    RecordingSink logs = new RecordingSink();
    WsFixtures.result(bounded.subscribe(NEW_HEADS, heads));
    WsFixtures.result(bounded.subscribe(LOGS_OF_AA, logs));

    node.refuseConnections(true);
    long dropped = System.nanoTime();
    node.dropAll();
    for (RecordingSink sink : List.of(heads, logs)) {
      RpcException why = sink.ending();
      assertEquals(RpcError.UPSTREAM_UNREACHABLE, why.error());
      assertTrue(why.data().orElseThrow().contains("300 ms"), why.data().orElseThrow());
    }
    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - dropped);
    assertTrue(waited >= 300, "not before the bound: " + waited + " ms");
    RpcException now = WsFixtures.failure(bounded.subscribe(NEW_HEADS, new RecordingSink()));
    assertEquals(RpcError.UPSTREAM_UNREACHABLE, now.error());
    WsFixtures.result(bounded.close());
  }

  @Test
  void aSubscriptionCancelledWhileDisconnectedIsNotReestablished() {
    Subscription heads = WsFixtures.result(upstream.subscribe(NEW_HEADS, new RecordingSink()));
    node.refuseConnections(true);
    node.dropAll();
    node.awaitOpenConnections(0);
    WsFixtures.result(heads.cancel());

    node.refuseConnections(false);
    node.awaitConnections(2);
    WsFixtures.result(upstream.subscribe(LOGS_OF_AA, new RecordingSink()));
    assertEquals(List.of(NEW_HEADS, LOGS_OF_AA), node.params("eth_subscribe"));
    assertEquals(0, node.count("eth_unsubscribe"), "its subscription died with the socket");
  }
}
