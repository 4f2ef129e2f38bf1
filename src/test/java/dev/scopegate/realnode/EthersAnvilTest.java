package dev.scopegate.realnode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ethers v6 as a tenant's dApp uses it, through Scopegate in front of a real anvil: a wallet's
 * type-2 transfers (the second on the pending nonce), a contract deployed and its events by
 * query, by polled filter and by WebSocket subscription with a bearer header; an operator over
 * IPC. What the script reports is checked against anvil directly.
 */
@ExtendWith(VertxExtension.class)
class EthersAnvilTest {

  @Test
  void aTenantsWalletAndContractWorkThroughScopegate(Vertx vertx) throws Exception {
    try (AnvilStack stack = AnvilStack.start(vertx)) {
      String http = stack.proxy().url().toString();
      JsonNode facts = NodeScript.run("ethers-anvil.mjs", Map.of(
          "SG_HTTP", http,
          "SG_WS", http.replace("http://", "ws://"),
          "SG_IPC", stack.ipc().toString(),
          "TOKEN", stack.token("rpc://"),
          "KEY", Anvil.KEY1,
          "TO", Anvil.ACCOUNT0));

      JsonNode receipt = Wire.json(Wire.post(stack.anvil().http(),
          Wire.call(1, "eth_getTransactionReceipt", "[\"" + facts.get("transfer").asText() + "\"]"))).get("result");
      assertEquals("0x1", receipt.get("status").asText());
      assertEquals("0x2", receipt.get("type").asText());
      assertEquals(Anvil.ACCOUNT1, receipt.get("from").asText());
      JsonNode code = Wire.json(Wire.post(stack.anvil().http(),
          Wire.call(2, "eth_getCode", "[\"" + facts.get("contract").asText() + "\",\"latest\"]"))).get("result");
      assertEquals("0x" + EventContract.runtime(), code.asText());
      assertEquals(10, facts.get("accounts").asInt());
    }
  }
}
