package dev.scopegate.transport.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.auth.RpcGrant;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.upstream.ws.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A notification's text is written around the result's one shared encoding: every subscriber
 * gets exactly the bytes the envelope's tree gave before (its own id, the same result).
 */
class ClientSubscriptionTest {
  private static final Principal TENANT = Principal.tenant("tenant-a", Optional.empty(),
      List.of(RpcGrant.parse("rpc://").orElseThrow()), List.of(), Instant.now().plusSeconds(300));
  private static final Principal OPERATOR = Principal.operator("api-key");

  /** What the connection was sent, in order. */
  private static final class Recorded implements Outbox {
    final List<String> texts = new ArrayList<>();

    @Override
    public boolean sendText(String json) {
      texts.add(json);
      return true;
    }
  }

  private static ClientSubscription subscription(String id, Principal who, boolean logs, Outbox outbox) {
    ClientSubscription s = new ClientSubscription(null, id, who, logs, LogVisibility.NODE_ISOLATES,
        Duration.ofSeconds(1), outbox, ended -> {});
    s.announce();
    return s;
  }

  /** The envelope as it was built before: a tree, written by the one mapper. */
  private static String envelope(String id, JsonNode result) {
    ObjectNode params = Json.MAPPER.createObjectNode().put("subscription", id);
    params.set("result", result);
    ObjectNode message = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0").put("method", "eth_subscription");
    message.set("params", params);
    return Json.string(message);
  }

  private static List<JsonNode> results() throws Exception {
    List<JsonNode> results = new ArrayList<>();
    results.add(Json.MAPPER.readTree("{\"number\":\"0x1b4\",\"hash\":\"0xdc0818cf78f21a8e70579cb46a43643f78291264dda342ae31049421c82d21ae\","
        + "\"logsBloom\":\"0x" + "0".repeat(512) + "\",\"extraData\":\"0x\",\"difficulty\":\"0x1\",\"nonce\":null,"
        + "\"transactions\":[],\"uncles\":[]}"));
    results.add(Json.MAPPER.readTree("{\"address\":\"0xabc\",\"topics\":[\"0x01\",\"0x02\"],\"data\":\"caf\\u00e9 \\u2603 \\ud83d\\ude00 \\\"q\\\" \\\\ \\n\\t\\u0001\","
        + "\"big\":123456789012345678901234567890,\"exact\":1.10,\"exp\":1e400,\"removed\":false,\"nested\":{\"a\":[1,{\"b\":null}]}}"));
    results.add(Json.MAPPER.readTree("\"0x5a6b2c4d\"")); // pendingTransactions: a hash
    results.add(Json.MAPPER.readTree("false")); // syncing
    results.add(NullNode.getInstance());
    results.add(MissingNode.getInstance()); // a notification without a result
    return results;
  }

  @Test
  void everySubscriberGetsTheBytesTheEnvelopeTreeGave() throws Exception {
    Recorded a = new Recorded();
    Recorded b = new Recorded();
    List<ClientSubscription> subscribers = List.of(
        subscription("0x0f2b", TENANT, false, a),
        subscription("0x9a9c1d7e33b1c5d5b2f0e6a18c3d4e5f", TENANT, false, a),
        subscription("0x77", OPERATOR, true, b),
        subscription("0x78", TENANT, true, b)); // a tenant's logs: decided per log, then written
    for (JsonNode result : results()) {
      Notification shared = Notification.of(result);
      subscribers.forEach(s -> s.notification(shared));
    }
    List<String> wantA = new ArrayList<>();
    List<String> wantB = new ArrayList<>();
    for (JsonNode result : results()) {
      wantA.add(envelope("0x0f2b", result));
      wantA.add(envelope("0x9a9c1d7e33b1c5d5b2f0e6a18c3d4e5f", result));
      wantB.add(envelope("0x77", result));
      wantB.add(envelope("0x78", result));
    }
    assertEquals(wantA, a.texts);
    assertEquals(wantB, b.texts);
  }

  @Test
  void notificationsBeforeTheAnswerWaitForItAndKeepTheirOrder() throws Exception {
    Recorded out = new Recorded();
    ClientSubscription s = new ClientSubscription(null, "0x1", TENANT, false, LogVisibility.NODE_ISOLATES,
        Duration.ofSeconds(1), out, ended -> {});
    List<JsonNode> results = results();
    s.notification(Notification.of(results.get(0)));
    s.notification(Notification.of(results.get(1)));
    assertEquals(List.of(), out.texts, "nothing before the answer that named the subscription");
    s.announce();
    s.notification(Notification.of(results.get(2)));
    assertEquals(List.of(envelope("0x1", results.get(0)), envelope("0x1", results.get(1)),
        envelope("0x1", results.get(2))), out.texts);
  }

  @Test
  void aClosingConnectionEndsTheSubscription() throws Exception {
    List<ClientSubscription> ended = new ArrayList<>();
    ClientSubscription s = new ClientSubscription(null, "0x1", TENANT, false, LogVisibility.NODE_ISOLATES,
        Duration.ofSeconds(1), json -> false, ended::add);
    s.announce();
    s.notification(Notification.of(results().get(2)));
    assertEquals(List.of(s), ended, "a client too slow to read ends its subscription");
  }
}
