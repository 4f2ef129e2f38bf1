package dev.scopegate.upstream;

import static dev.scopegate.upstream.WsFixtures.call;
import static dev.scopegate.upstream.WsFixtures.notification;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.testing.ScriptedWsNode;
import dev.scopegate.upstream.ws.SharedWsUpstream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Plain calls over the shared socket, through a real WebSocket to a stand-in node. */
@ExtendWith(VertxExtension.class)
class SharedWsCallsTest {
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

  /** Echoes each call's first param, but only once {@code n} calls are in, last first. */
  private void answerInReverseOnce(int n) {
    List<ScriptedWsNode.Call> held = new ArrayList<>();
    node.on(
        "echo",
        call -> {
          held.add(call);
          if (held.size() == n) {
            List<ScriptedWsNode.Call> reversed = new ArrayList<>(held);
            Collections.reverse(reversed);
            reversed.forEach(c -> c.result(c.params().get(0)));
          }
        });
  }

  @Test
  void concurrentCallsWithTheSameClientIdAreMatchedByRewrittenIds() {
    answerInReverseOnce(3);
    List<Future<List<Answer>>> answers = new ArrayList<>();
    for (String word : List.of("a", "b", "c")) {
      answers.add(upstream.forward(List.of(call(1, "echo", "[\"" + word + "\"]"))));
    }
    for (int i = 0; i < 3; i++) {
      List<Answer> answer = WsFixtures.result(answers.get(i));
      assertEquals(TextNode.valueOf(List.of("a", "b", "c").get(i)), answer.get(0).result());
    }
    Set<JsonNode> ids = node.received().stream().map(r -> r.get("id")).collect(Collectors.toSet());
    assertEquals(3, ids.size(), "every call went out under its own id: " + ids);
  }

  @Test
  void aBatchIsAnsweredInOrderWithoutItsNotifications() {
    node.on(
        "echo",
        call -> {
          if (call.id() != null) {
            call.result(call.params().get(0));
          }
        });
    List<Answer> answers =
        WsFixtures.result(
            upstream.forward(
                List.of(
                    call(7, "echo", "[\"first\"]"),
                    notification("echo", "[\"ignored\"]"),
                    call(7, "echo", "[\"second\"]"),
                    call(8, "eth_nope", "[]"))));
    assertEquals(3, answers.size());
    assertEquals("first", answers.get(0).result().asText());
    assertEquals("second", answers.get(1).result().asText());
    assertEquals(-32601, answers.get(2).error().get("code").asInt(), "node errors pass through");
    assertEquals(4, node.count("echo") + node.count("eth_nope"));
  }

  @Test
  void aSilentNodeTimesOutAndALateAnswerIsDropped() {
    SharedWsUpstream impatient =
        SharedWsUpstream.create(vertx, node.url(), Duration.ofMillis(200), WsFixtures.FAST);
    List<ScriptedWsNode.Call> unanswered = new ArrayList<>();
    node.on("eth_chainId", unanswered::add);
    var failure = WsFixtures.failure(impatient.forward(List.of(call(1, "eth_chainId", "[]"))));
    assertEquals(RpcError.UPSTREAM_TIMEOUT, failure.error());

    node.on(
        "eth_chainId",
        call -> {
          unanswered.forEach(late -> late.result(TextNode.valueOf("late")));
          call.result(TextNode.valueOf("0x539"));
        });
    List<Answer> next = WsFixtures.result(impatient.forward(List.of(call(1, "eth_chainId", "[]"))));
    assertEquals("0x539", next.get(0).result().asText());
    WsFixtures.result(impatient.close());
  }

  @Test
  void aDroppedConnectionFailsPendingCallsAndTheNextConnectionServesAgain() {
    node.on("eth_chainId", call -> node.dropAll());
    var failure = WsFixtures.failure(upstream.forward(List.of(call(1, "eth_chainId", "[]"))));
    assertEquals(RpcError.UPSTREAM_UNREACHABLE, failure.error());

    node.on("eth_chainId", call -> call.result(TextNode.valueOf("0x539")));
    node.awaitConnections(2);
    List<Answer> after = WsFixtures.result(upstream.forward(List.of(call(1, "eth_chainId", "[]"))));
    assertEquals("0x539", after.get(0).result().asText());
  }

  @Test
  void anUnreachableNodeFailsTheCall() throws Exception {
    HttpServer placeholder = vertx.createHttpServer().requestHandler(r -> {}).listen(0).await();
    int deadPort = placeholder.actualPort();
    placeholder.close().await();
    URI dead = URI.create("ws://127.0.0.1:" + deadPort + "/");
    SharedWsUpstream nowhere =
        SharedWsUpstream.create(vertx, dead, Duration.ofSeconds(5), WsFixtures.FAST);
    var failure = WsFixtures.failure(nowhere.forward(List.of(call(1, "eth_chainId", "[]"))));
    assertEquals(RpcError.UPSTREAM_UNREACHABLE, failure.error());
    assertTrue(failure.data().isPresent());
    WsFixtures.result(nowhere.close());
  }
}
