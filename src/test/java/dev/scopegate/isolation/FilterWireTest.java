package dev.scopegate.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
