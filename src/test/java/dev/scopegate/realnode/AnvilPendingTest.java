package dev.scopegate.realnode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The symptom: with one transaction in anvil's pool (no mining), a tenant's pending
 * nonce and balance are the node's pending answers, not the head's.
 */
@ExtendWith(VertxExtension.class)
class AnvilPendingTest {

  @Test
  void aTenantsPendingNonceCountsThePooledTransaction(Vertx vertx) throws Exception {
    try (AnvilStack stack = AnvilStack.start(vertx, "--no-mining")) {
      JsonNode sent = Wire.json(Wire.post(stack.anvil().http(), Wire.call(1, "eth_sendTransaction",
          "[{\"from\":\"" + Anvil.ACCOUNT0 + "\",\"to\":\"" + Anvil.ACCOUNT1 + "\",\"value\":\"0x1000\"}]")));
      assertEquals(66, sent.get("result").asText().length(), sent.toString());
      String token = stack.token("rpc://eth_*");
      for (String method : new String[] {"eth_getTransactionCount", "eth_getBalance"}) {
        String pending = Wire.call(2, method, "[\"" + Anvil.ACCOUNT0 + "\",\"pending\"]");
        String latest = Wire.call(2, method, "[\"" + Anvil.ACCOUNT0 + "\",\"latest\"]");
        String nodePending = Wire.post(stack.anvil().http(), pending).body();
        assertEquals(nodePending, stack.proxy().tenant(token, pending).body());
        assertEquals(false, nodePending.equals(Wire.post(stack.anvil().http(), latest).body()),
            "precondition: pending differs from latest with a pooled transaction");
      }
    }
  }
}
