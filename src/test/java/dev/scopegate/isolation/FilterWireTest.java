package dev.scopegate.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.devnode.DevScenario;
import dev.scopegate.devnode.PrivacyRequest;
import dev.scopegate.devnode.Scenario;
import dev.scopegate.devnode.TransactionRequest;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Polled log filters through HTTP: bound to their tenant, and filtered like eth_getLogs. */
@ExtendWith(VertxExtension.class)
class FilterWireTest {
  private Stack stack;
  private Scenario scenario;
  private String tokenA;
  private String tokenB;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    scenario = DevScenario.seed(node.chain());
    stack = Stack.start(vertx, node, UnaryOperator.identity());
    stack.awaitIndexed();
    tokenA = stack.tokenFor("tenant-a", "rpc://eth_*", TenantScopes.owner(scenario.keyA()));
    tokenB = stack.tokenFor("tenant-b", "rpc://eth_*", TenantScopes.owner(scenario.keyB()));
  }

  @AfterEach
  void stop() throws Exception {
    stack.close();
  }

  private JsonNode call(String token, String method, String params) {
    return Wire.json(stack.proxy().tenant(token, Wire.call(1, method, params)));
  }

  @Test
  void aFilterBelongsToItsTenantAndShowsOnlyItsLogs() {
    String id = call(tokenA, "eth_newFilter", "[{}]").get("result").asText();
    stack.node().chain().mineTransaction(TransactionRequest.call(scenario.ownerA(), scenario.privateA().address(), "0x01")
        .withPrivacy(PrivacyRequest.local(scenario.keyA(), List.of(), 0)));
    stack.node().chain().mineTransaction(TransactionRequest.call(scenario.ownerB(), scenario.privateB().address(), "0x02")
        .withPrivacy(PrivacyRequest.local(scenario.keyB(), List.of(), 0)));

    JsonNode changes = call(tokenA, "eth_getFilterChanges", "[\"" + id + "\"]").get("result");
    Set<String> addresses = new HashSet<>();
    changes.forEach(log -> addresses.add(log.get("address").asText()));
    assertEquals(Set.of(scenario.privateA().address().hex()), addresses, "B's private log is not A's to see");

    JsonNode stolen = call(tokenB, "eth_getFilterChanges", "[\"" + id + "\"]");
    assertEquals("filter not found", stolen.get("error").get("message").asText());

    String webj3Style = "0x" + new BigInteger(id.substring(2), 16).toString(16).toUpperCase();
    JsonNode resent = call(tokenA, "eth_getFilterLogs", "[\"" + webj3Style + "\"]");
    assertTrue(resent.has("result"), "an id re-sent as a number, in another case, still works: " + resent);
    assertEquals(false, call(tokenB, "eth_uninstallFilter", "[\"" + id + "\"]").get("result").asBoolean());
    assertEquals(true, call(tokenA, "eth_uninstallFilter", "[\"" + id + "\"]").get("result").asBoolean());
  }

  /**
   * Path 9 of issue #9: a second token of the same client ({@code sub}) holding another key tries
   * to poll, read and uninstall the first token's filter, over HTTP and in a batch. It is another
   * owner: every attempt is "filter not found", and the first token's filter still works after.
   * A refreshed token with the same grants keeps the filter.
   */
  @Test
  void aTokenOfTheSameSubjectWithOtherKeysCannotUseTheFilter() {
    String first = stack.tokenFor("client-1", "rpc://eth_*", TenantScopes.owner(scenario.keyA()));
    String second = stack.tokenFor("client-1", "rpc://eth_*", TenantScopes.owner(scenario.keyB()));
    String id = call(first, "eth_newFilter", "[{}]").get("result").asText();
    stack.node().chain().mineTransaction(TransactionRequest.call(scenario.ownerA(), scenario.privateA().address(), "0x5ec7e7")
        .withPrivacy(PrivacyRequest.local(scenario.keyA(), List.of(), 0)));

    for (String method : List.of("eth_getFilterChanges", "eth_getFilterLogs", "eth_uninstallFilter")) {
      JsonNode stolen = call(second, method, "[\"" + id + "\"]");
      String got = method.equals("eth_uninstallFilter")
          ? stolen.path("result").toString() : stolen.path("error").path("message").asText();
      assertEquals(method.equals("eth_uninstallFilter") ? "false" : "filter not found", got, method + ": " + stolen);
      assertFalse(stolen.toString().contains("5ec7e7"), "the first token's log never reaches the second: " + stolen);
    }
    JsonNode batch = Wire.json(stack.proxy().tenant(second, "[" + Wire.call(1, "eth_getFilterChanges", "[\"" + id + "\"]")
        + "," + Wire.call(2, "eth_uninstallFilter", "[\"" + id + "\"]") + "]"));
    assertEquals("filter not found", batch.get(0).get("error").get("message").asText());
    assertEquals(false, batch.get(1).get("result").asBoolean());

    String refreshed = stack.tokenFor("client-1", "rpc://eth_*", TenantScopes.owner(scenario.keyA()));
    JsonNode changes = call(refreshed, "eth_getFilterChanges", "[\"" + id + "\"]").get("result");
    assertEquals(1, changes.size(), "a refreshed token with the same grants polls the filter, undrained: " + changes);
    assertEquals("0x5ec7e7", changes.get(0).get("data").asText());
    assertEquals(true, call(first, "eth_uninstallFilter", "[\"" + id + "\"]").get("result").asBoolean());
  }
}
