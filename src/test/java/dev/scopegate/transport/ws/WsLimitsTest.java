package dev.scopegate.transport.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.config.Config;
import dev.scopegate.devnode.Address;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.devnode.DevTessera;
import dev.scopegate.devnode.PrivacyRequest;
import dev.scopegate.devnode.TransactionRequest;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import dev.scopegate.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** WebSocket limits and refusals: origin, connections, message size, idleness, unresolved logs. */
@ExtendWith(VertxExtension.class)
class WsLimitsTest {
  private static final Config.Ws LIMITS = new Config.Ws(
      false, List.of("https://dapp.example"), 1024, 3, 2, Duration.ofMillis(600));

  private Stack stack;
  private String token;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    stack = Stack.start(vertx, node, c -> TestConfigs.withMaxWait(
        TestConfigs.withWs(TestConfigs.withUpstreamWs(c, node.wsUrl()), LIMITS), Duration.ofMillis(200)));
    stack.awaitIndexed();
    token = stack.token("rpc://eth_*", "private://0x0/_/contracts?owned.eoa=0x0&from.tm="
        + DevTessera.KA.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D"));
  }

  @AfterEach
  void stop() throws Exception {
    stack.close();
  }

  private WsClient connect(String... extra) throws Exception {
    String[] headers = new String[extra.length + 2];
    headers[0] = "Authorization";
    headers[1] = "Bearer " + token;
    System.arraycopy(extra, 0, headers, 2, extra.length);
    return WsClient.connect(stack.proxy().url(), headers);
  }

  @Test
  void originsOutsideTheListAreRefused() throws Exception {
    assertEquals(403, WsClient.refusal(stack.proxy().url(), "Authorization", "Bearer " + token, "Origin", "https://evil.example"));
    connect("Origin", "https://dapp.example").close();
  }

  @Test
  void aQueryTokenIsAcceptedOnlyWhenAllowed(Vertx vertx) throws Exception {
    java.net.URI withToken = java.net.URI.create(stack.proxy().url() + "?access_token=" + token);
    assertEquals(401, WsClient.refusal(withToken), "off by default");
    Config.Ws allowing = new Config.Ws(true, List.of(), 1024, 3, 2, Duration.ofSeconds(60));
    try (Stack other = Stack.start(vertx, DevNodeOptions.defaults(), c -> TestConfigs.withWs(c, allowing))) {
      String tokenOfOther = other.token("rpc://eth_*");
      WsClient browser = WsClient.connect(java.net.URI.create(other.proxy().url() + "?access_token=" + tokenOfOther));
      assertEquals("0x539", browser.call(Wire.call(1, "eth_chainId", "[]")).get("result").asText());
      browser.close();
      assertEquals(401, WsClient.refusal(java.net.URI.create(other.proxy().url() + "?access_token=bad.token.here")));
    }
  }

  @Test
  void connectionsPerTenantAndInTotal() throws Exception {
    WsClient first = connect();
    WsClient second = connect();
    assertEquals(503, WsClient.refusal(stack.proxy().url(), "Authorization", "Bearer " + token),
        "a third connection of the same tenant");
    WsClient operator = WsClient.connect(stack.proxy().url(), "X-API-Key", TestConfigs.API_KEY);
    assertEquals(503, WsClient.refusal(stack.proxy().url(), "X-API-Key", TestConfigs.API_KEY), "four in total");
    first.close();
    first.closedWithin(5);
    second.close();
    operator.close();
  }

  @Test
  void aMessageOverTheLimitClosesTheConnection() throws Exception {
    WsClient client = connect();
    client.send(Wire.call(1, "eth_chainId", "[\"" + "a".repeat(2000) + "\"]"));
    String closed = client.closedWithin(5);
    assertTrue(closed.startsWith("1009"), closed);
  }

  @Test
  void anIdleConnectionThatAnswersPingsStaysOpen() throws Exception {
    WsClient client = connect();
    assertEquals("0x539", client.call(Wire.call(1, "eth_chainId", "[]")).get("result").asText());
    stack.node().chain().generate(1, 0, 1);
    assertEquals(null, client.pollNotification(1500), "nothing subscribed, nothing sent");
    assertEquals("0x539", client.call(Wire.call(2, "eth_chainId", "[]")).get("result").asText(),
        "the client's pongs keep it alive past the idle timeout");
    client.close();
  }

  @Test
  void aClientThatNeverAnswersPingsIsClosedAsIdle() throws Exception {
    java.net.URI url = stack.proxy().url();
    try (java.net.Socket raw = new java.net.Socket(url.getHost(), url.getPort())) {
      raw.setSoTimeout(10_000);
      String key = java.util.Base64.getEncoder().encodeToString("scopegate-test-16".substring(0, 16).getBytes());
      raw.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
          + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
          + "Sec-WebSocket-Key: " + key + "\r\nAuthorization: Bearer " + token + "\r\n\r\n").getBytes());
      java.io.DataInputStream in = new java.io.DataInputStream(raw.getInputStream());
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        head.append((char) in.readUnsignedByte());
      }
      assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
      // Frames from the server: pings (0x9), which this client never answers, then a close (0x8).
      while (true) {
        int opcode = in.readUnsignedByte() & 0x0f;
        int length = in.readUnsignedByte() & 0x7f;
        byte[] payload = in.readNBytes(length);
        if (opcode == 0x8) {
          int code = ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
          String reason = new String(payload, 2, payload.length - 2);
          assertEquals("1001 idle timeout", code + " " + reason);
          return;
        }
        assertEquals(0x9, opcode, "only pings before the close");
      }
    }
  }

  @Test
  void aLogWhosePrivacyCannotBeResolvedEndsTheSubscriptionWithAnError() throws Exception {
    WsClient client = connect();
    String sub = client.call(Wire.call(1, "eth_subscribe", "[\"logs\",{}]")).get("result").asText();
    stack.node().tessera().available(false);
    Address from = stack.node().chain().accounts().get(0);
    Address contract = stack.node().chain().mineTransaction(TransactionRequest.create(from, "0xaaaa")
        .withPrivacy(PrivacyRequest.local(DevTessera.KA, List.of(), 0))).local().privateReceipt().orElseThrow()
        .contractAddress().orElseThrow();
    stack.node().chain().mineTransaction(TransactionRequest.call(from, contract, "0x01")
        .withPrivacy(PrivacyRequest.local(DevTessera.KA, List.of(), 0)));
    JsonNode note = client.notification();
    assertEquals(sub, note.get("params").get("subscription").asText());
    assertEquals("privacy facts unavailable; retry", note.get("params").get("error").get("message").asText());
    stack.node().tessera().available(true);
    stack.node().chain().mineTransaction(TransactionRequest.call(from, contract, "0x02")
        .withPrivacy(PrivacyRequest.local(DevTessera.KA, List.of(), 0)));
    assertEquals("subscription not found",
        client.call(Wire.call(2, "eth_unsubscribe", "[\"" + sub + "\"]")).path("error").path("message").asText(),
        "the subscription has ended");
    // a fresh subscription and a later log: one for the ended subscription would come first
    String later = client.call(Wire.call(3, "eth_subscribe", "[\"logs\",{}]")).get("result").asText();
    stack.node().chain().mineTransaction(TransactionRequest.call(from, contract, "0x03")
        .withPrivacy(PrivacyRequest.local(DevTessera.KA, List.of(), 0)));
    assertEquals(later, client.notification().get("params").get("subscription").asText(), "nothing for the ended one");
    client.close();
  }
}
