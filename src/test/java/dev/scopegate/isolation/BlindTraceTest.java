package dev.scopegate.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import org.slf4j.LoggerFactory;

/**
 * A node whose {@code debug_traceCall} sees the public state only (GoQuorum 21.7 to 23.4): its
 * trace of a call to a private contract shows an empty account. Scopegate then checks the target
 * alone — the limit the README states — says so once in the log, and still refuses a target that
 * is not the tenant's.
 */
@ExtendWith(VertxExtension.class)
class BlindTraceTest {
  private final Logger log = (Logger) LoggerFactory.getLogger(ExecutionGuard.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private Stack stack;
  private Scenario scenario;
  private String tenantA;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    logged.start();
    log.addAppender(logged);
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    scenario = DevScenario.seed(node.chain());
    node.chain().traceCallsAgainstPublicStateOnly(true);
    stack = Stack.start(vertx, node, UnaryOperator.identity());
    stack.awaitIndexed();
    tenantA = stack.token("rpc://eth_*", TenantScopes.owner(scenario.keyA()));
  }

  @AfterEach
  void stop() throws Exception {
    stack.close();
    log.detachAppender(logged);
  }

  private JsonNode call(String token, Scenario.Deployed target) {
    String body = Wire.call(1, "eth_call", "[{\"to\":\"" + target.address() + "\",\"data\":\"0x\"},\"latest\"]");
    return Wire.json(token == null ? stack.proxy().operator(body) : stack.proxy().tenant(token, body));
  }

  private long warnings() {
    return logged.list.stream()
        .filter(e -> e.getLevel() == Level.WARN && e.getFormattedMessage().contains("does not see private state"))
        .count();
  }

  @Test
  void theTenantsOwnContractIsCalledAndTheBlindTraceIsLoggedOnce() {
    JsonNode own = call(tenantA, scenario.privateA());
    assertEquals(call(null, scenario.privateA()).get("result"), own.get("result"), own.toString());
    call(tenantA, scenario.privateA());
    assertEquals(1, warnings(), "one warning for every blind trace of this server");
  }

  @Test
  void aPrivateTargetThatIsNotTheTenantsIsStillRefused() {
    JsonNode foreign = call(tenantA, scenario.privateB());
    assertEquals("not authorized", foreign.get("error").get("message").asText(), foreign.toString());
  }

  @Test
  void whatTheTenantsContractReachesGoesUncheckedTheStatedLimit() {
    // With a trace that sees private state this call is refused (IsolationMatrixTest); a blind
    // trace cannot see the reach, so only the target — A's own — is checked.
    JsonNode reached = call(tenantA, scenario.reacher());
    assertTrue(reached.has("result"), reached.toString());
    assertEquals(1, warnings());
  }
}
