package dev.scopegate.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.devnode.DevScenario;
import dev.scopegate.devnode.Scenario;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A tenant's read of its own private contract, once the head is followed from {@code newHeads}
 * and the privacy facts are known, is exactly one node call: the read itself. The traces a call
 * needs are reused only for the block they were taken at, in the chain they were taken in: a new
 * block, another block asked for, or a reorganisation trace again, and a call that reaches a
 * foreign contract is refused from a reused trace as from a fresh one.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnPrivateReadTest {
  private Stack stack;
  private DevNode node;
  private Scenario scenario;
  private String tokenA;

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    scenario = DevScenario.seed(node.chain());
    stack = Stack.start(vertx, node, c -> TestConfigs.withUpstreamWs(c, node.wsUrl()));
    stack.awaitIndexed();
    tokenA = stack.token("rpc://eth_*", TenantScopes.owner(scenario.keyA()));
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  private static String params(String method, String address, String block) {
    return switch (method) {
      case "eth_call" -> "[{\"to\":\"" + address + "\",\"data\":\"0x\"},\"" + block + "\"]";
      case "eth_getStorageAt" -> "[\"" + address + "\",\"0x0\",\"" + block + "\"]";
      default -> "[\"" + address + "\",\"" + block + "\"]";
    };
  }

  private JsonNode asTenant(String method, String address, String block) {
    return Wire.json(stack.proxy().tenant(tokenA, Wire.call(7, method, params(method, address, block))));
  }

  private JsonNode asOperator(String method, String address, String block) {
    return Wire.json(stack.proxy().operator(Wire.call(7, method, params(method, address, block))));
  }

  private static String hex(long number) {
    return "0x" + Long.toHexString(number);
  }

  private String own() {
    return scenario.privateA().address().toString();
  }

  /** The head as Scopegate follows it, once it has seen the node's newest block. */
  private void awaitFollowed() throws Exception {
    stack.awaitIndexed();
    long head = node.chain().head().number();
    var heads = stack.proxy().scopegate().privacy().heads();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (heads.known().orElse(-1) < head && System.nanoTime() < deadline) {
      java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // a condition poll: the announcement is on its way
    }
    assertEquals(head, heads.known().orElse(-1), "Scopegate follows the node's head");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eth_call", "eth_getStorageAt", "eth_getCode"})
  void aRepeatedReadOfTheTenantsOwnPrivateContractIsOneNodeCall(String method) throws Exception {
    awaitFollowed();
    asTenant(method, own(), "latest"); // facts learnt (and the call traced) once
    node.resetRequestCounts();
    JsonNode answer = asTenant(method, own(), "latest");
    assertEquals(1, node.requestCount().get(), "exactly one node call: the read");
    assertEquals(1, node.requestCount(method), "and it is the read itself");
    JsonNode operator = asOperator(method, own(), "latest");
    assertEquals(operator.get("result"), answer.get("result"), answer.toString());
    assertNotEquals("0x", answer.path("result").asText(), "precondition: a non-party would see 0x");
  }

  @Test
  void aNewBlockIsTracedAgain() throws Exception {
    awaitFollowed();
    asTenant("eth_call", own(), "latest");
    node.chain().mineBlock(List.of());
    awaitFollowed();
    node.resetRequestCounts();
    JsonNode answer = asTenant("eth_call", own(), "latest");
    assertEquals(2, node.requestCount("debug_traceCall"), "the new head is traced: " + answer);
    assertEquals(asOperator("eth_call", own(), "latest").get("result"), answer.get("result"));
  }

  @Test
  void anotherBlockIsTracedAtThatBlock() throws Exception {
    awaitFollowed();
    asTenant("eth_call", own(), "latest");
    String earlier = hex(node.chain().transaction(scenario.privateA().call()).orElseThrow().block().number());
    node.resetRequestCounts();
    JsonNode answer = asTenant("eth_call", own(), earlier);
    assertEquals(2, node.requestCount("debug_traceCall"), "traced at the block asked: " + answer);
    assertEquals(asOperator("eth_call", own(), earlier).get("result"), answer.get("result"));
    node.resetRequestCounts();
    asTenant("eth_call", own(), earlier);
    assertEquals(1, node.requestCount().get(), "then known for that block too");
  }

  @Test
  void aReorganisationForgetsTheTracesOfTheBlocksItReplaced() throws Exception {
    node.chain().mineBlock(List.of());
    awaitFollowed();
    String at = hex(node.chain().head().number());
    asTenant("eth_call", own(), at);
    node.resetRequestCounts();
    asTenant("eth_call", own(), at);
    assertEquals(0, node.requestCount("debug_traceCall"), "precondition: the trace at " + at + " is reused");
    String replaced = node.chain().head().hash().toString();
    node.chain().reorg(1);
    assertNotEquals(replaced, node.chain().head().hash().toString(), "precondition: another block " + at);
    node.chain().mineBlock(List.of()); // the index sees the fork when it follows the next block
    awaitFollowed();
    node.resetRequestCounts();
    JsonNode answer = asTenant("eth_call", own(), at);
    assertEquals(2, node.requestCount("debug_traceCall"), "the replacing block is traced: " + answer);
    assertEquals(asOperator("eth_call", own(), at).get("result"), answer.get("result"));
  }

  @Test
  void aCallThatReachesAForeignContractIsRefusedEveryTime() throws Exception {
    awaitFollowed();
    String reacher = scenario.reacher().address().toString();
    for (int round = 0; round < 3; round++) {
      node.resetRequestCounts();
      JsonNode answer = asTenant("eth_call", reacher, "latest");
      assertEquals("not authorized", answer.path("error").path("message").asText(), answer.toString());
      assertEquals(0, node.requestCount("eth_call"), "never forwarded");
    }
  }
}
