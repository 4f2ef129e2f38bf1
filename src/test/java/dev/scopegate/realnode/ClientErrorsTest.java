package dev.scopegate.realnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What ethers v6 and viem make of Scopegate's errors (docs/clients.md quotes this): "method not
 * found" becomes each client's unsupported-method error, and every refusal keeps GoQuorum's
 * wording where the user sees it.
 */
@ExtendWith(VertxExtension.class)
class ClientErrorsTest {

  @Test
  void clientsMapScopegatesErrors(Vertx vertx, @TempDir Path dir) throws Exception {
    try (DevScenarioStack dev = DevScenarioStack.start(vertx, dir.resolve("sg.ipc"))) {
      JsonNode shown = NodeScript.run("errors.mjs", Map.of(
          "SG_HTTP", dev.stack().proxy().url().toString(),
          "TOKEN", dev.tokenA("rpc://eth_*"),
          "FOREIGN", dev.scenario().privateB().address().toString()));
      System.out.println("client errors: " + shown.toPrettyString());

      assertEquals("UNSUPPORTED_OPERATION", shown.at("/methodNotFound/ethers/code").asText());
      assertEquals("MethodNotFoundRpcError", shown.at("/methodNotFound/viem/name").asText());
      assertEquals(-32601, shown.at("/methodNotFound/viem/code").asInt());
      assertEquals("net_peerCount - access denied", shown.at("/accessDenied/ethers/rpcMessage").asText());
      assertEquals("net_peerCount - access denied", shown.at("/accessDenied/viem/details").asText());
      assertEquals("not authorized", shown.at("/notAuthorizedProof/ethers/rpcMessage").asText());
      assertEquals("not authorized", shown.at("/notAuthorizedProof/viem/details").asText());
      assertEquals("CALL_EXCEPTION", shown.at("/notAuthorizedCall/ethers/code").asText());
      assertEquals(-32602, shown.at("/invalidParams/viem/code").asInt());
      assertTrue(shown.at("/missingToken/ethers/shortMessage").asText().contains("401"), shown.toString());
      assertEquals("HttpRequestError", shown.at("/missingToken/viem/name").asText());
      assertEquals("ResourceNotFoundRpcError", shown.at("/accessDenied/viem/name").asText());
      assertEquals("InvalidInputRpcError", shown.at("/notAuthorizedProof/viem/name").asText());
    }
  }
}
