package dev.scopegate.mode;

import static dev.scopegate.devnode.DevTessera.KA;
import static dev.scopegate.devnode.DevTessera.KB;
import static dev.scopegate.devnode.DevTessera.KC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.Scopegate;
import dev.scopegate.config.Config;
import dev.scopegate.devnode.Address;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.devnode.MinedTransaction;
import dev.scopegate.devnode.PrivacyRequest;
import dev.scopegate.devnode.TransactionRequest;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.Wire;
import dev.scopegate.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scopegate in front of a node with multiple private states (dev node: "private" ← KA, PS1 ← KB,
 * PS2 ← KC). Each tenant's contract exists only in its PSI; a tenant must reach only its PSI
 * however it names another, and the other PSI's code must appear in no answer.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MpsWireTest {
  private static final String CODE_1 = "0x5e1c1e7001";
  private static final String CODE_2 = "0x5e1c1e7002";

  private Stack stack;
  private String c1;
  private String c2;
  private String t1;
  private String t2;
  private String both;
  private Address signer;
  private java.nio.file.Path ipc;

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults().withMultiplePrivateStates(true))
        .await(10, TimeUnit.SECONDS);
    signer = node.chain().accounts().get(0);
    c1 = created(node, CODE_1, KB);
    c2 = created(node, CODE_2, KC);
    ipc = java.nio.file.Files.createTempDirectory("sg-mps").resolve("s.ipc");
    stack = Stack.start(vertx, node,
        c -> dev.scopegate.testing.TestConfigs.withIpc(dev.scopegate.testing.TestConfigs.withUpstreamWs(c, node.wsUrl()), ipc));
    t1 = stack.tokenFor("t1", "rpc://eth_*", "rpc://personal_*", "psi://PS1?node.eoa=" + signer.hex());
    t2 = stack.tokenFor("t2", "rpc://eth_*", "rpc://personal_*", "psi://PS2?self.eoa=0x0");
    both = stack.tokenFor("both", "rpc://eth_*", "psi://PS1?node.eoa=0x0", "psi://PS2?node.eoa=0x0");
  }

  private static String created(DevNode node, String code, String key) {
    MinedTransaction mined = node.chain().mineTransaction(TransactionRequest.create(node.chain().accounts().get(0), code)
        .withPrivacy(PrivacyRequest.local(key, List.of(), 0)));
    return mined.local().privateReceipt().orElseThrow().contractAddress().orElseThrow().hex();
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  private String getCode(String contract, int id) {
    return Wire.call(id, "eth_getCode", "[\"" + contract + "\",\"latest\"]");
  }

  private HttpResponse<String> as(String token, String body, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Authorization";
    all[1] = "Bearer " + token;
    System.arraycopy(headers, 0, all, 2, headers.length);
    return Wire.post(stack.proxy().url(), body, all);
  }

  private HttpResponse<String> asAt(URI url, String token, String body) {
    return Wire.post(url, body, "Authorization", "Bearer " + token);
  }

  private URI withQuery(String query) {
    return URI.create(stack.proxy().url().toString().replaceAll("/$", "") + "/?" + query);
  }

  @Test
  void startupFindsMultiplePrivateStates() {
    assertEquals(Optional.of(NodeMode.MPS), stack.proxy().scopegate().modes().current());
  }

  @Test
  void eachTenantSeesOnlyItsPsiWhateverItNames() {
    String batch = "[" + getCode(c1, 1) + "," + getCode(c2, 2) + "," + Wire.call(3, "eth_getPSI", "[]") + "]";
    List<HttpResponse<String>> t2Answers = List.of(
        as(t2, batch),
        as(t2, batch, "Quorum-PSI", "PS1"),
        asAt(withQuery("PSI=PS1"), t2, batch),
        asAt(withQuery("PSI=PS2&PSI=PS1"), t2, batch),
        as(t2, batch, "Quorum-PSI", "ps2"));
    // its own PSI, named or not (any case, as GoQuorum's EqualFold): its contract, the other's absent
    for (HttpResponse<String> r : List.of(t2Answers.get(0), t2Answers.get(3), t2Answers.get(4))) {
      JsonNode answers = Wire.json(r);
      assertEquals("0x", answers.get(0).get("result").asText(), r.body());
      assertEquals(CODE_2, answers.get(1).get("result").asText(), r.body());
      assertEquals("PS2", answers.get(2).get("result").asText(), r.body());
    }
    // another PSI named by header or query: refused whole, naming the PSI
    for (HttpResponse<String> r : List.of(t2Answers.get(1), t2Answers.get(2))) {
      assertEquals(403, r.statusCode(), r.body());
      assertTrue(Wire.json(r).get("error").get("message").asText().contains("PSI PS1"), r.body());
    }
    t2Answers.forEach(r -> assertFalse(r.body().contains(CODE_1.substring(2)), r.body()));
    HttpResponse<String> own = as(t1, batch);
    assertEquals(CODE_1, Wire.json(own).get(0).get("result").asText(), own.body());
    assertFalse(own.body().contains(CODE_2.substring(2)), own.body());
  }

  @Test
  void anIdNamingAnotherPsiChangesNothingForATenant() throws Exception {
    String body = "[{\"jsonrpc\":\"2.0\",\"id\":\"PS1/1\",\"method\":\"eth_getCode\",\"params\":[\"" + c1
        + "\",\"latest\"]},{\"jsonrpc\":\"2.0\",\"id\":\"PS1/2\",\"method\":\"eth_getPSI\",\"params\":[]}]";
    HttpResponse<String> http = as(t2, body);
    assertEquals("0x", Wire.json(http).get(0).get("result").asText(), http.body());
    assertEquals("PS2", Wire.json(http).get(1).get("result").asText(), http.body());
    assertEquals("PS1/1", Wire.json(http).get(0).get("id").asText());
    URI ws = URI.create(stack.proxy().url().toString().replace("http://", "ws://"));
    WsClient client = WsClient.connect(ws, "Authorization", "Bearer " + t2);
    try {
      JsonNode answer = client.call(body);
      assertEquals("0x", answer.get(0).get("result").asText(), answer.toString());
      assertEquals("PS2", answer.get(1).get("result").asText(), answer.toString());
      assertFalse(answer.toString().contains(CODE_1.substring(2)));
    } finally {
      client.close();
    }
  }

  @Test
  void aWebSocketWithSeveralPsisAndNoPickIsRefusedAtTheUpgrade() throws Exception {
    URI ws = URI.create(stack.proxy().url().toString().replace("http://", "ws://"));
    assertEquals(400, WsClient.refusal(ws, "Authorization", "Bearer " + both));
  }

  @Test
  void aTokenWithSeveralPsisPicksOneAndIsRefusedWithoutAPick() {
    HttpResponse<String> none = as(both, getCode(c1, 1));
    assertEquals(400, none.statusCode(), none.body());
    assertTrue(Wire.json(none).get("error").get("message").asText().contains("several PSIs"), none.body());
    assertEquals(CODE_1, Wire.json(as(both, getCode(c1, 1), "Quorum-PSI", "PS1")).get("result").asText());
    assertEquals(CODE_2, Wire.json(asAt(withQuery("PSI=PS2"), both, getCode(c2, 1))).get("result").asText());
    assertEquals("0x", Wire.json(as(both, getCode(c1, 1), "Quorum-PSI", "PS2")).get("result").asText());
    assertEquals(403, as(both, getCode(c1, 1), "Quorum-PSI", "private").statusCode());
  }

  @Test
  void aPrivateScopeNamesNoPsiAndIsRefused() {
    String token = stack.tokenFor("old", "rpc://eth_*",
        "private://0x0/_/contracts?owned.eoa=0x0&from.tm=" + java.net.URLEncoder.encode(KB, java.nio.charset.StandardCharsets.UTF_8));
    HttpResponse<String> r = as(token, getCode(c1, 1));
    assertEquals(403, r.statusCode(), r.body());
    assertTrue(r.body().contains("grants no PSI"), r.body());
    assertFalse(r.body().contains(CODE_1.substring(2)));
  }

  @Test
  void nodeEoaLimitsAccountsAndSigning() {
    JsonNode t1Accounts = Wire.json(as(t1, Wire.call(1, "eth_accounts", "[]"))).get("result");
    assertEquals(1, t1Accounts.size(), t1Accounts.toString());
    assertEquals(signer.hex(), t1Accounts.get(0).asText());
    JsonNode t2Accounts = Wire.json(as(t2, Wire.call(1, "eth_accounts", "[]"))).get("result");
    assertEquals(0, t2Accounts.size(), t2Accounts.toString());
    JsonNode signed = Wire.json(as(t1, Wire.call(1, "eth_sign", "[\"" + signer.hex() + "\",\"0x01\"]")));
    assertTrue(signed.has("result"), signed.toString());
    JsonNode refused = Wire.json(as(t2, Wire.call(1, "eth_sign", "[\"" + signer.hex() + "\",\"0x01\"]")));
    assertEquals("not authorized", refused.get("error").get("message").asText(), refused.toString());
    String other = stack.node().chain().accounts().get(1).hex();
    JsonNode send = Wire.json(as(t1, Wire.call(1, "eth_sendTransaction", "[{\"from\":\"" + other + "\",\"to\":\"" + other + "\"}]")));
    assertEquals("not authorized", send.get("error").get("message").asText(), send.toString());
  }

  @Test
  void operatorsPickAnyPsiOrNone() {
    String body = Wire.call(1, "eth_getPSI", "[]");
    assertEquals("private", Wire.json(stack.proxy().operator(body)).get("result").asText());
    HttpResponse<String> ps2 = stack.proxy().post(getCode(c2, 1), "X-API-Key", dev.scopegate.testing.TestConfigs.API_KEY,
        "Quorum-PSI", "PS2");
    assertEquals(CODE_2, Wire.json(ps2).get("result").asText(), ps2.body());
    HttpResponse<String> ps1 = Wire.post(withQuery("PSI=PS1"), getCode(c1, 1), "X-API-Key", dev.scopegate.testing.TestConfigs.API_KEY);
    assertEquals(CODE_1, Wire.json(ps1).get("result").asText(), ps1.body());
  }

  @Test
  void webSocketRoutesAtTheUpgrade() throws Exception {
    URI ws = URI.create(stack.proxy().url().toString().replace("http://", "ws://"));
    WsClient own = WsClient.connect(ws, "Authorization", "Bearer " + t2);
    try {
      JsonNode answer = own.call("[" + getCode(c1, 1) + "," + getCode(c2, 2) + "]");
      assertEquals("0x", answer.get(0).get("result").asText(), answer.toString());
      assertEquals(CODE_2, answer.get(1).get("result").asText(), answer.toString());
      assertFalse(answer.toString().contains(CODE_1.substring(2)));
    } finally {
      own.close();
    }
    assertEquals(403, WsClient.refusal(ws, "Authorization", "Bearer " + t2, "Quorum-PSI", "PS1"));
    assertEquals(403, WsClient.refusal(URI.create(ws + "?PSI=PS1"), "Authorization", "Bearer " + t2));
    WsClient picked = WsClient.connect(URI.create(ws + "?PSI=PS1"), "Authorization", "Bearer " + both);
    try {
      assertEquals(CODE_1, picked.call(getCode(c1, 1)).get("result").asText());
    } finally {
      picked.close();
    }
  }

  @Test
  void operatorsNameAPsiInTheIpcMessageId() throws Exception {
    try (dev.scopegate.testing.IpcClient client = dev.scopegate.testing.IpcClient.connect(ipc)) {
      JsonNode named = dev.scopegate.jsonrpc.Json.MAPPER.readTree(
          client.send("{\"jsonrpc\":\"2.0\",\"id\":\"PS2/1\",\"method\":\"eth_getCode\",\"params\":[\"" + c2 + "\",\"latest\"]}\n").line());
      assertEquals(CODE_2, named.get("result").asText(), named.toString());
      assertEquals("PS2/1", named.get("id").asText());
      JsonNode plain = dev.scopegate.jsonrpc.Json.MAPPER.readTree(
          client.send(Wire.call(2, "eth_getPSI", "[]") + "\n").line());
      assertEquals("private", plain.get("result").asText(), plain.toString());
    }
  }

  @Test
  void filtersStayInTheirPsi() {
    String make = Wire.call(1, "eth_newFilter", "[{}]");
    String id = Wire.json(as(both, make, "Quorum-PSI", "PS1")).get("result").asText();
    String poll = Wire.call(2, "eth_getFilterChanges", "[\"" + id + "\"]");
    assertTrue(Wire.json(as(both, poll, "Quorum-PSI", "PS1")).has("result"));
    JsonNode elsewhere = Wire.json(as(both, poll, "Quorum-PSI", "PS2"));
    assertEquals("filter not found", elsewhere.get("error").get("message").asText(), elsewhere.toString());
    JsonNode other = Wire.json(as(t1, poll));
    assertEquals("filter not found", other.get("error").get("message").asText(), other.toString());
  }

  @Test
  void subscriptionsNeverCrossPsis() throws Exception {
    URI ws = URI.create(stack.proxy().url().toString().replace("http://", "ws://"));
    WsClient one = WsClient.connect(ws, "Authorization", "Bearer " + t1);
    WsClient oneAgain = WsClient.connect(ws, "Authorization", "Bearer " + t1);
    WsClient two = WsClient.connect(ws, "Authorization", "Bearer " + t2);
    try {
      for (WsClient c : List.of(one, oneAgain, two)) {
        JsonNode subscribed = c.call(Wire.call(1, "eth_subscribe", "[\"logs\",{}]"));
        assertTrue(subscribed.has("result"), subscribed.toString());
      }
      assertEquals(2, stack.proxy().scopegate().psiSockets().orElseThrow().open());
      String secret1 = "0x5ec2e7aa01";
      String secret2 = "0x5ec2e7bb02";
      DevNode node = stack.node();
      node.chain().mineTransaction(TransactionRequest.call(signer, Address.of(c1), secret1)
          .withPrivacy(PrivacyRequest.local(KB, List.of(), 0)));
      node.chain().mineTransaction(TransactionRequest.call(signer, Address.of(c2), secret2)
          .withPrivacy(PrivacyRequest.local(KC, List.of(), 0)));
      JsonNode n1 = one.notification();
      JsonNode n1again = oneAgain.notification();
      JsonNode n2 = two.notification();
      assertEquals(secret1, n1.get("params").get("result").get("data").asText(), n1.toString());
      assertEquals(secret1, n1again.get("params").get("result").get("data").asText(), n1again.toString());
      assertEquals(secret2, n2.get("params").get("result").get("data").asText(), n2.toString());
      // a third block: the next notification each gets is of it, so nothing of the other PSI came between
      String marker1 = "0x5ec2e7aa03";
      String marker2 = "0x5ec2e7bb04";
      node.chain().mineTransaction(TransactionRequest.call(signer, Address.of(c1), marker1)
          .withPrivacy(PrivacyRequest.local(KB, List.of(), 0)));
      node.chain().mineTransaction(TransactionRequest.call(signer, Address.of(c2), marker2)
          .withPrivacy(PrivacyRequest.local(KC, List.of(), 0)));
      JsonNode next1 = one.notification();
      JsonNode next2 = two.notification();
      assertEquals(marker1, next1.get("params").get("result").get("data").asText(), next1.toString());
      assertEquals(marker2, next2.get("params").get("result").get("data").asText(), next2.toString());
      for (JsonNode n : List.of(n1, n1again, next1)) {
        assertFalse(n.toString().contains("5ec2e7bb"), n.toString());
      }
      for (JsonNode n : List.of(n2, next2)) {
        assertFalse(n.toString().contains("5ec2e7aa"), n.toString());
      }
    } finally {
      one.close();
      oneAgain.close();
      two.close();
    }
  }

  private double psiCalls(String psi) {
    String scrape = Wire.send(java.net.http.HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + stack.proxy().scopegate().metricsPort() + "/metrics")).build()).body();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "scopegate_psi_calls_total\\{psi=\"" + psi + "\",transport=\"http\"} (\\S+)").matcher(scrape);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  @Test
  void metricsCountCallsByPsi() {
    double before = psiCalls("PS2");
    as(t2, "[" + getCode(c2, 1) + "," + getCode(c2, 2) + "," + getCode(c2, 3) + "]");
    assertEquals(before + 3, psiCalls("PS2"));
  }

  @Test
  void aPsiTokenOnANodeWithOnePrivateStateIsRefused(Vertx vertx) throws Exception {
    try (Stack single = Stack.start(vertx)) {
      String token = single.token("rpc://eth_*", "psi://PS1?node.eoa=0x0");
      HttpResponse<String> r = single.proxy().tenant(token, Wire.call(1, "eth_blockNumber", "[]"));
      assertEquals(403, r.statusCode(), r.body());
      assertTrue(r.body().contains("one private state"), r.body());
      assertEquals(Optional.of(NodeMode.SINGLE), single.proxy().scopegate().modes().current());
    }
  }

  @Test
  void aPinnedModeTheNodeContradictsStopsStartup(Vertx vertx) {
    Config config = stack.proxy().scopegate().config();
    Config pinned = new Config(
        new Config.Upstream(config.upstream().http(), Optional.empty(), Optional.empty(),
            config.upstream().timeout(), Optional.of(NodeMode.SINGLE)),
        config.server(), config.ipc(), config.privacy(), config.auth(), config.metrics());
    Throwable failure = Scopegate.start(vertx, pinned).toCompletionStage().toCompletableFuture()
        .handle((ok, e) -> e).join();
    assertTrue(failure != null && failure.getMessage().contains("upstream.mode is single but the node runs multiple private states"),
        String.valueOf(failure));
  }
}
