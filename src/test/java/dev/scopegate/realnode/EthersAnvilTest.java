package dev.scopegate.realnode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ethers v6 as a tenant's dApp uses it, through Scopegate in front of a real anvil: a wallet's
 * type-2 transfers signed while both sit in the node's pool (the second on the pending nonce),
 * a contract deployed and its events by query, by polled filter and by WebSocket subscription
 * with a bearer header; an operator over IPC. What the script reports is checked against anvil
 * directly.
 */
@ExtendWith(VertxExtension.class)
class EthersAnvilTest {

  @Test
  void aTenantsWalletAndContractWorkThroughScopegate(Vertx vertx) throws Exception {
    // No mining until the script has signed both transfers (it then mines and turns automine on).
    try (AnvilStack stack = AnvilStack.start(vertx, "--no-mining")) {
      String http = stack.proxy().url().toString();
      JsonNode facts = NodeScript.run("ethers-anvil.mjs", Map.of(
          "SG_HTTP", http,
          "SG_WS", http.replace("http://", "ws://"),
          "SG_IPC", stack.ipc().toString(),
          "TOKEN", stack.token("rpc://"),
          "KEY", Anvil.KEY1,
          "TO", Anvil.ACCOUNT0,
          "ANVIL", stack.anvil().http().toString()));

      JsonNode first = receipt(stack, facts.get("firstTransfer").asText());
      JsonNode receipt = receipt(stack, facts.get("transfer").asText());
      for (JsonNode transfer : new JsonNode[] {first, receipt}) {
        assertEquals("0x1", transfer.get("status").asText());
        assertEquals("0x2", transfer.get("type").asText());
        assertEquals(Anvil.ACCOUNT1, transfer.get("from").asText());
      }
      // one block: the second was signed while the first was pending, not mined
      assertEquals(first.get("blockNumber"), receipt.get("blockNumber"));
      assertEquals("0x0", transaction(stack, facts.get("firstTransfer").asText()).get("nonce").asText());
      assertEquals("0x1", transaction(stack, facts.get("transfer").asText()).get("nonce").asText());
      JsonNode deployment = transaction(stack, facts.get("deployment").asText());
      assertEquals("0x2", deployment.get("nonce").asText());
      assertEquals(facts.get("contract").asText().toLowerCase(Locale.ROOT),
          receipt(stack, facts.get("deployment").asText()).get("contractAddress").asText());
      JsonNode code = Wire.json(Wire.post(stack.anvil().http(),
          Wire.call(2, "eth_getCode", "[\"" + facts.get("contract").asText() + "\",\"latest\"]"))).get("result");
      assertEquals("0x" + EventContract.runtime(), code.asText());
      assertEquals(10, facts.get("accounts").asInt());
    }
  }

  private static JsonNode receipt(AnvilStack stack, String hash) {
    return anvil(stack, "eth_getTransactionReceipt", hash);
  }

  private static JsonNode transaction(AnvilStack stack, String hash) {
    return anvil(stack, "eth_getTransactionByHash", hash);
  }

  private static JsonNode anvil(AnvilStack stack, String method, String hash) {
    JsonNode answer = Wire.json(Wire.post(stack.anvil().http(), Wire.call(1, method, "[\"" + hash + "\"]")));
    assertEquals(true, answer.path("result").isObject(), method + " " + hash + ": " + answer);
    return answer.get("result");
  }
}
