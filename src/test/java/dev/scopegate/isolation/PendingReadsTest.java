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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A wallet's {@code pending} nonce and balance on a node with private state: an account gets the
 * node's pending answer (read with the code checks, in one batch), a private contract the tenant
 * is not party to answers as on a non-party node, its own as the node does. And how many node
 * round trips a tenant's read costs once the head is followed from {@code newHeads}.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PendingReadsTest {
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

  private JsonNode asTenant(String method, String address, String block) {
    return Wire.json(stack.proxy().tenant(tokenA, Wire.call(3, method, "[\"" + address + "\",\"" + block + "\"]")));
  }

  private JsonNode asOperator(String method, String address, String block) {
    return Wire.json(stack.proxy().operator(Wire.call(3, method, "[\"" + address + "\",\"" + block + "\"]")));
  }

  @ParameterizedTest
  @CsvSource({"eth_getTransactionCount", "eth_getBalance"})
  void aWalletGetsTheNodesPendingAnswerForItsAccount(String method) {
    String account = scenario.ownerA().toString();
    node.resetRequestCounts();
    JsonNode answer = asTenant(method, account, "pending");
    assertEquals(asOperator(method, account, "pending").get("result"), answer.get("result"), answer.toString());
    assertEquals(2, node.requestCount("eth_getCode"), "code at pending asked before and after the read");
  }

  @ParameterizedTest
  @CsvSource({"eth_getTransactionCount", "eth_getBalance"})
  void pendingNeverRevealsAForeignPrivateContract(String method) {
    String foreign = scenario.privateB().address().toString();
    JsonNode answer = asTenant(method, foreign, "pending");
    assertEquals("0x0", answer.path("result").asText(), answer.toString());
    assertEquals(asTenant(method, foreign, "latest"), answer, "pending shows what latest shows: a non-party node's answer");
  }

  @Test
  void aForeignPrivateContractHasANonceTheTenantDoesNotSee() {
    String foreign = scenario.privateB().address().toString();
    assertNotEquals("0x0", asOperator("eth_getTransactionCount", foreign, "pending").path("result").asText(),
        "precondition: the node itself shows the contract's nonce");
    assertEquals("0x0", asTenant("eth_getTransactionCount", foreign, "pending").path("result").asText());
  }

  @Test
  void anOwnPrivateContractAtPendingIsReadAtTheHead() {
    String own = scenario.privateA().address().toString();
    JsonNode answer = asTenant("eth_getTransactionCount", own, "pending");
    assertEquals(asOperator("eth_getTransactionCount", own, "latest").get("result"), answer.get("result"), answer.toString());
  }

  /** Measured: node requests per tenant read of a public account, once facts are cached. */
  @Test
  void aRepeatedTenantReadIsOneForwardWhenTheHeadIsFollowed() {
    String account = scenario.ownerB().toString();
    node.resetRequestCounts();
    asTenant("eth_getBalance", account, "latest"); // first read: the address's privacy is learnt
    System.out.println("node requests for a first tenant eth_getBalance: " + node.requestCount().get());
    node.resetRequestCounts();
    JsonNode answer = asTenant("eth_getBalance", account, "latest");
    assertEquals(asOperator("eth_getBalance", account, "latest").get("result"), answer.get("result"));
    System.out.println("node requests for a repeated tenant eth_getBalance: " + node.requestCount().get());
    assertEquals(0, node.requestCount("eth_blockNumber"), "the head comes from newHeads");
    assertEquals(1, node.requestCount().get() - 1, "one forward (the operator's read is the other)");
  }
}
