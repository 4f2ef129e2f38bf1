package dev.scopegate.isolation;

import static dev.scopegate.devnode.DevTessera.KA;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.devnode.Address;
import dev.scopegate.devnode.PrivacyRequest;
import dev.scopegate.devnode.TransactionRequest;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** When a privacy fact cannot be had, tenants get the retriable error, and Scopegate stays healthy. */
@ExtendWith(VertxExtension.class)
class IsolationFaultsTest {
  private static final String RETRY = "privacy facts unavailable; retry";
  private Stack stack;
  private String tokenA;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    stack = Stack.start(vertx, c -> TestConfigs.withMaxWait(c, Duration.ofMillis(300)));
    stack.awaitIndexed();
    tokenA = stack.token("rpc://eth_*", TenantScopes.owner(KA));
  }

  @AfterEach
  void stop() throws Exception {
    stack.close();
  }

  private Address mineContractOfA() {
    TransactionRequest create = TransactionRequest.create(stack.node().chain().accounts().get(0), "0xaaaa")
        .withPrivacy(PrivacyRequest.local(KA, List.of(), 0));
    return stack.node().chain().mineTransaction(create).local().privateReceipt().orElseThrow()
        .contractAddress().orElseThrow();
  }

  private JsonNode codeOf(Address contract) {
    return Wire.json(stack.proxy().tenant(tokenA, Wire.call(1, "eth_getCode", "[\"" + contract + "\",\"latest\"]")));
  }

  private void assertHealthy() {
    HttpResponse<String> chainId = stack.proxy().tenant(tokenA, Wire.call(9, "eth_chainId", "[]"));
    assertEquals(200, chainId.statusCode());
    assertEquals("0x539", Wire.json(chainId).get("result").asText());
  }

  @Test
  void tesseraDown() throws Exception {
    stack.node().tessera().available(false);
    Address contract = mineContractOfA();
    JsonNode refused = codeOf(contract);
    assertEquals(-32000, refused.get("error").get("code").asInt());
    assertEquals(RETRY, refused.get("error").get("message").asText());
    assertHealthy();
    stack.node().tessera().available(true);
    stack.awaitIndexed();
    assertEquals("0xaaaa", codeOf(contract).get("result").asText());
  }

  @Test
  void nodeDown() throws Exception {
    Address contract = mineContractOfA();
    stack.awaitIndexed();
    stack.node().available(false);
    JsonNode refused = codeOf(contract);
    assertEquals(-32010, refused.get("error").get("code").asInt(), refused.toString());
    stack.node().available(true);
    assertEquals("0xaaaa", codeOf(contract).get("result").asText());
    assertHealthy();
  }

  @Test
  void indexBehindTheBlockAskedAbout() throws Exception {
    stack.node().tessera().available(false); // the index stops at the next private block
    Address contract = mineContractOfA();
    stack.node().chain().generate(3, 0, 1);
    JsonNode refused = codeOf(contract);
    assertEquals(RETRY, refused.get("error").get("message").asText());
    JsonNode batch = Wire.json(stack.proxy().tenant(tokenA, "[" + Wire.call(1, "eth_getCode", "[\"" + contract + "\",\"latest\"]")
        + "," + Wire.call(2, "eth_blockNumber", "[]") + "]"));
    assertEquals(RETRY, batch.get(0).get("error").get("message").asText());
    assertEquals(true, batch.get(1).get("result").asText().startsWith("0x"), "the rest of the batch proceeds");
    stack.node().tessera().available(true);
    stack.awaitIndexed();
    assertEquals("0xaaaa", codeOf(contract).get("result").asText());
  }
}
