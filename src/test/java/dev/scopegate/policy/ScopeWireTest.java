package dev.scopegate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.testing.Proxy;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scope matrix through the wire: a tenant's rpc:// grants × method → answered or refused. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeWireTest {
  private Stack stack;
  private DevNode node;
  private Proxy proxy;

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    stack = Stack.start(vertx);
    node = stack.node();
    proxy = stack.proxy();
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  private String token(String scopes) {
    return stack.token(scopes.split(" "));
  }

  @ParameterizedTest(name = "{0} calling {1} -> {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "rpc://eth_*; eth_chainId; 0x539",
        "rpc://eth_*; net_version; net_version - access denied",
        "rpc://eth_chainId; eth_chainId; 0x539",
        "rpc://eth_chainId; eth_blockNumber; eth_blockNumber - access denied",
        "rpc://*_version; net_version; 1337",
        "rpc://*_version; web3_clientVersion; web3_clientVersion - access denied",
        "rpc://eth.chainId; eth_chainId; 0x539",
        "rpc://web3.clientVersion; net_version; net_version - access denied",
        "rpc://; net_version; 1337",
        "rpc://; admin_peers; admin_peers - access denied",
        "rpc://eth_get*; eth_getBlockByNumber; eth_getBlockByNumber - access denied",
        "rpc://eth_* rpc://net_version; net_version; 1337",
        "private://0x0/_/contracts?owned.eoa=0x0&from.tm=QUJD; eth_chainId; eth_chainId - access denied",
        "rpc://; eth_simulateV1; not authorized",
        "rpc://; trace_block; not authorized",
        "rpc://; debug_getRawReceipts; debug_getRawReceipts - access denied",
        "rpc://eth_chainId; eth_feeHistory; eth_feeHistory - access denied",
      })
  void scopeMatrix(String scopes, String method, String expected) {
    JsonNode answer = Wire.json(proxy.tenant(token(scopes), Wire.call(1, method, "[]")));
    String outcome =
        answer.has("result") ? answer.get("result").asText() : answer.get("error").get("message").asText();
    assertEquals(expected, outcome);
  }

  /** Granted but unknown to the table: geth's "method not found", distinct from a refusal, and not forwarded. */
  @ParameterizedTest
  @CsvSource({"rpc://", "rpc://anvil_*", "rpc://anvil_mine"})
  void aGrantedMethodTheTableDoesNotKnowIsNotFound(String scope) {
    node.resetRequestCounts();
    JsonNode answer = Wire.json(proxy.tenant(token(scope), Wire.call(7, "anvil_mine", "[]")));
    assertEquals(-32601, answer.get("error").get("code").asInt());
    assertEquals("the method anvil_mine does not exist/is not available", answer.get("error").get("message").asText());
    assertEquals(7, answer.get("id").asInt());
    assertEquals(0, node.requestCount("anvil_mine"), "never forwarded");
  }

  @Test
  void aMixedBatchForwardsOnlyWhatPasses() {
    String batch =
        "[" + Wire.call(1, "eth_chainId", "[]") + "," + Wire.call(2, "net_version", "[]") + ","
            + Wire.call(3, "admin_peers", "[]") + "," + Wire.call(4, "eth_sign", "[\"" + node.chain().accounts().get(0) + "\",\"0x00\"]") + ","
            + Wire.call(5, "eth_blockNumber", "[]") + "]";
    node.resetRequestCounts();
    JsonNode answers = Wire.json(proxy.tenant(token("rpc://eth_*"), batch));
    assertEquals("0x539", answers.get(0).get("result").asText());
    assertEquals("net_version - access denied", answers.get(1).get("error").get("message").asText());
    assertEquals(-32001, answers.get(1).get("error").get("code").asInt());
    assertEquals("admin_peers - access denied", answers.get(2).get("error").get("message").asText());
    assertEquals("not authorized", answers.get(3).get("error").get("message").asText());
    assertEquals(-32000, answers.get(3).get("error").get("code").asInt());
    assertEquals("0x0", answers.get(4).get("result").asText());
    for (int i = 0; i < 5; i++) {
      assertEquals(i + 1, answers.get(i).get("id").asInt());
    }
    assertEquals(1, node.requestCount("eth_chainId"), "permitted calls reach the node");
    for (String refused : new String[] {"net_version", "admin_peers", "eth_sign"}) {
      assertEquals(0, node.requestCount(refused), refused + " never reaches the node");
    }
  }
}
