package dev.scopegate.devnode;

import static dev.scopegate.devnode.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Options that make the dev node look like GoQuorums a caller must detect. */
@ExtendWith(VertxExtension.class)
class NodeFlavourTest {
  static final Map<String, String> CALL_TRACER = ContractBehaviourTest.CALL_TRACER;

  @Test
  void withoutDebugTracesAreUnknownAndRpcModulesSaysSo(Vertx vertx) {
    DevNode node = await(DevNode.start(vertx, DevNodeOptions.defaults().withDebugApi(false)));
    try {
      RpcClient client = new RpcClient(node.httpUrl());
      JsonNode error = client.error("debug_traceBlockByNumber", "0x0", CALL_TRACER);
      assertEquals(-32601, error.get("code").asInt());
      assertEquals(
          "the method debug_traceBlockByNumber does not exist/is not available",
          error.get("message").asText());
      assertEquals(
          -32601,
          client.error("debug_traceTransaction", "0x" + "00".repeat(32)).get("code").asInt());
      assertEquals(
          "the method debug_traceCall does not exist/is not available",
          client.error("debug_traceCall", Map.of(), "latest").get("message").asText());
      assertEquals(
          RpcClient.parse(
              "{\"eth\":\"1.0\",\"net\":\"1.0\",\"web3\":\"1.0\",\"personal\":\"1.0\","
                  + "\"txpool\":\"1.0\",\"rpc\":\"1.0\"}"),
          client.result("rpc_modules"));
    } finally {
      await(node.close());
    }
  }

  @Test
  void aSinglePrivateStateNodeNamesItsOneState(Vertx vertx) {
    DevNode node = await(DevNode.start(vertx, DevNodeOptions.defaults()));
    try {
      assertEquals("private", new RpcClient(node.httpUrl()).result("eth_getPSI").asText());
    } finally {
      await(node.close());
    }
  }

  @Test
  void aMultiplePrivateStatesNodeAnswersGetPsi(Vertx vertx) {
    DevNode node =
        await(DevNode.start(vertx, DevNodeOptions.defaults().withMultiplePrivateStates(true)));
    try {
      // GoQuorum core/multiple_psm.go: a request naming no PSI is served from "private"
      assertEquals("private", new RpcClient(node.httpUrl()).result("eth_getPSI").asText());
    } finally {
      await(node.close());
    }
  }

  @Test
  void callsAreCountedPerMethod(Vertx vertx) {
    DevNode node = await(DevNode.start(vertx, DevNodeOptions.defaults()));
    try {
      RpcClient client = new RpcClient(node.httpUrl());
      client.result("eth_blockNumber");
      client.result("eth_blockNumber");
      client.result("eth_getPSI");
      assertEquals(2, node.requestCount("eth_blockNumber"));
      assertEquals(1, node.requestCount("eth_getPSI"));
      assertEquals(0, node.requestCount("eth_chainId"));
      assertEquals(3, node.requestCount().get());
      node.resetRequestCounts();
      assertEquals(0, node.requestCount("eth_blockNumber"));
      assertEquals(0, node.requestCount().get());
    } finally {
      await(node.close());
    }
  }
}
