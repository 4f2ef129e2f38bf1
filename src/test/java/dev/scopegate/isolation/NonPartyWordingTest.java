package dev.scopegate.isolation;

import static dev.scopegate.devnode.DevTessera.KA;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.devnode.DevScenario;
import dev.scopegate.devnode.Scenario;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.testing.NonPartyNode;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.Wire;
import dev.scopegate.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #9, path 7: tenant A compares Scopegate's answers about every contract with what its own
 * node — a node holding only A's key, on the same chain ({@link NonPartyNode}) — answers. They
 * must be the same bytes, so no answer tells "private and not yours" from "not private".
 */
@ExtendWith(VertxExtension.class)
class NonPartyWordingTest {
  private static final String NEVER_USED = "0x00000000000000000000000000000000000e1e4e";
  private Stack stack;
  private Scenario scenario;
  private NonPartyNode ownNodeOfA;
  private String tokenA;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    scenario = DevScenario.seed(node.chain());
    stack = Stack.start(vertx, node, UnaryOperator.identity());
    stack.awaitIndexed();
    ownNodeOfA = NonPartyNode.start(vertx, node, DevNodeOptions.defaults(), KA);
    tokenA = stack.token("rpc://eth_*", TenantScopes.owner(KA));
  }

  @AfterEach
  void stop() throws Exception {
    ownNodeOfA.close();
    stack.close();
  }

  private List<String> addresses() {
    List<String> all = new ArrayList<>();
    scenario.contracts().forEach(c -> all.add(c.address().hex()));
    all.add(NEVER_USED);
    return all;
  }

  /** The answer without its id: what the node (or Scopegate) said. */
  private static String said(JsonNode answer) {
    JsonNode said = answer.has("error") ? answer.get("error") : answer.get("result");
    return Json.MAPPER.valueToTree(said).toString();
  }

  @Test
  void privacyMetadataAnswersAreTheTenantsOwnNodesOverHttpBatchAndWebSocket() throws Exception {
    List<String> calls = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (String address : addresses()) {
      String params = "[\"" + address + "\"]";
      calls.add(Wire.call(1, "eth_getContractPrivacyMetadata", params));
      expected.add(said(ownNodeOfA.answer("eth_getContractPrivacyMetadata", params)));
    }
    JsonNode batch = Wire.json(stack.proxy().tenant(tokenA, "[" + String.join(",", calls) + "]"));
    WsClient ws = WsClient.connect(stack.proxy().url(), "Authorization", "Bearer " + tokenA);
    try {
      for (int i = 0; i < calls.size(); i++) {
        String context = addresses().get(i);
        assertEquals(expected.get(i), said(Wire.json(stack.proxy().tenant(tokenA, calls.get(i)))), context);
        assertEquals(expected.get(i), said(batch.get(i)), context);
        assertEquals(expected.get(i), said(ws.call(calls.get(i))), context);
      }
    } finally {
      ws.close();
    }
    String rawNode = ownNodeOfA.answer("eth_getContractPrivacyMetadata", "[\"" + scenario.privateB().address().hex() + "\"]")
        .get("error").toString();
    String rawProxy = Wire.json(stack.proxy().tenant(tokenA, calls.get(1))).get("error").toString();
    assertEquals(rawNode, rawProxy, "B's contract, byte for byte");
  }

  @Test
  void stateReadsOfAnotherTenantsContractAreTheTenantsOwnNodes() {
    for (String address : addresses()) {
      for (String[] read : new String[][] {
          {"eth_getCode", "[\"" + address + "\",\"latest\"]"},
          {"eth_getStorageAt", "[\"" + address + "\",\"0x0\",\"latest\"]"},
          {"eth_getTransactionCount", "[\"" + address + "\",\"latest\"]"}}) {
        assertEquals(said(ownNodeOfA.answer(read[0], read[1])),
            said(Wire.json(stack.proxy().tenant(tokenA, Wire.call(1, read[0], read[1])))), read[0] + " " + address);
      }
    }
  }
}
