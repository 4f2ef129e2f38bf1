package dev.scopegate.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.devnode.DevScenario;
import dev.scopegate.devnode.Scenario;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node whose {@code debug_traceCall} drops {@code stateOverrides} (geth before 1.10: an unknown
 * config field, ignored by Go's decoder). A trace would check another call than the one the node
 * runs, so Scopegate detects it at start and refuses tenants' calls with state overrides — even on
 * their own contract — while calls without overrides still work.
 */
@ExtendWith(VertxExtension.class)
class UncheckableOverridesTest {
  private Stack stack;
  private Scenario scenario;
  private String tenantA;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    scenario = DevScenario.seed(node.chain());
    node.chain().traceCallsIgnoreStateOverrides(true);
    stack = Stack.start(vertx, node, UnaryOperator.identity());
    stack.awaitIndexed();
    tenantA = stack.token("rpc://eth_*", TenantScopes.owner(scenario.keyA()));
  }

  @AfterEach
  void stop() throws Exception {
    stack.close();
  }

  private JsonNode call(String overrides) {
    String own = scenario.privateA().address().hex();
    String params = "[{\"to\":\"" + own + "\",\"data\":\"0x\"},\"latest\"" + overrides + "]";
    return Wire.json(stack.proxy().tenant(tenantA, Wire.call(1, "eth_call", params)));
  }

  @Test
  void theCapabilityIsDetectedAtStart() {
    assertFalse(stack.proxy().scopegate().privacy().capabilities().traceCallOverrides());
    assertTrue(stack.proxy().scopegate().privacy().capabilities().traceCall());
  }

  @Test
  void aCallWithStateOverridesIsRefusedAndOneWithoutIsServed() {
    String own = scenario.privateA().address().hex();
    JsonNode refused = call(",{\"" + own + "\":{\"code\":\"0x6080604052ff\"}}");
    assertEquals("not authorized", refused.path("error").path("message").asText(), refused.toString());
    assertTrue(refused.path("error").path("data").asText().contains("state overrides cannot be checked"));
    assertTrue(call("").has("result"));
  }
}
