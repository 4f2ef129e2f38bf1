package dev.scopegate.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.devnode.DevScenario;
import dev.scopegate.devnode.Scenario;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * Whether the node's {@code debug_traceCall} sees private state is the node's capability, probed
 * once (issue #9, path 10): a node that traces against the public state only (GoQuorum 21.7 to
 * 23.4) is reported once at WARN, a node that sees private state once at INFO, and no tenant call —
 * at {@code earliest}, before a contract existed, to anything — changes the verdict or logs again.
 * A blind trace still refuses a target that is not the tenant's; what the tenant's own contract
 * reaches inside goes unchecked (the README's stated limit).
 */
@ExtendWith(VertxExtension.class)
class BlindTraceTest {
  private final Logger log = (Logger) LoggerFactory.getLogger("dev.scopegate.privacy.CallTraceProbe");
  private final List<ILoggingEvent> verdicts = new CopyOnWriteArrayList<>();
  private final CountDownLatch verdict = new CountDownLatch(1);
  private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent event) {
      verdicts.add(event);
      verdict.countDown();
    }
  };
  private Stack stack;
  private Scenario scenario;
  private String tenantA;

  private void start(Vertx vertx, boolean blind) throws Exception {
    appender.start();
    log.addAppender(appender);
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    scenario = DevScenario.seed(node.chain());
    node.chain().traceCallsAgainstPublicStateOnly(blind);
    stack = Stack.start(vertx, node, UnaryOperator.identity());
    stack.awaitIndexed();
    tenantA = stack.token("rpc://eth_*", TenantScopes.owner(scenario.keyA()));
    assertTrue(verdict.await(20, TimeUnit.SECONDS), "the probe reported a verdict");
  }

  @AfterEach
  void stop() throws Exception {
    stack.close();
    log.detachAppender(appender);
  }

  private JsonNode call(String token, Scenario.Deployed target, String block) {
    String body = Wire.call(1, "eth_call", "[{\"to\":\"" + target.address() + "\",\"data\":\"0x\"}," + block + "]");
    return Wire.json(token == null ? stack.proxy().operator(body) : stack.proxy().tenant(token, body));
  }

  private void callEverywhere() {
    for (String block : new String[] {"\"latest\"", "\"earliest\"", "\"0x1\"", "\"pending\""}) {
      for (Scenario.Deployed target : scenario.contracts()) {
        call(tenantA, target, block);
      }
    }
  }

  @Test
  void aBlindNodeIsReportedOnceAndNoCallReportsItAgain(Vertx vertx) throws Exception {
    start(vertx, true);
    callEverywhere();
    stack.awaitIndexed();
    assertEquals(1, verdicts.size(), verdicts.toString());
    assertEquals(Level.WARN, verdicts.get(0).getLevel());
    assertTrue(verdicts.get(0).getFormattedMessage().contains("does not see private state"));
  }

  @Test
  void aNodeThatSeesPrivateStateIsNeverCalledBlindWhateverTheBlock(Vertx vertx) throws Exception {
    start(vertx, false);
    callEverywhere();
    assertEquals(1, verdicts.size(), verdicts.toString());
    assertEquals(Level.INFO, verdicts.get(0).getLevel());
    assertTrue(verdicts.get(0).getFormattedMessage().contains("sees private state"));
  }

  @Test
  void onABlindNodeTheTenantsOwnContractIsCalledAndAForeignTargetRefused(Vertx vertx) throws Exception {
    start(vertx, true);
    JsonNode own = call(tenantA, scenario.privateA(), "\"latest\"");
    assertEquals(call(null, scenario.privateA(), "\"latest\"").get("result"), own.get("result"), own.toString());
    JsonNode foreign = call(tenantA, scenario.privateB(), "\"latest\"");
    assertEquals("not authorized", foreign.get("error").get("message").asText(), foreign.toString());
    // With a trace that sees private state this call is refused (IsolationMatrixTest); a blind
    // trace cannot see the reach, so only the target — A's own — is checked.
    JsonNode reached = call(tenantA, scenario.reacher(), "\"latest\"");
    assertTrue(reached.has("result"), reached.toString());
  }
}
