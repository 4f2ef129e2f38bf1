package dev.scopegate.realnode;

import java.util.Optional;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.mode.NodeMode;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scopegate in front of a real node without private state (anvil): public mode is detected from
 * the node's own "method not found", and the common methods answer through Scopegate exactly as
 * anvil answers them directly (byte for byte, same id) — for operators and for tenants.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnvilAnswersTest {
  /** Emits Ping(uint256) with the first argument of any call (see {@link EventContract}). */
  private AnvilStack stack;
  private String tx;
  private String blockHash;
  private String contract;
  private String callData;

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    stack = AnvilStack.start(vertx);
    // eth_sendTransactionSync answers with the receipt once mined: no waiting on our side
    tx = direct("eth_sendTransactionSync", "[{\"from\":\"" + Anvil.ACCOUNT0 + "\",\"to\":\"" + Anvil.ACCOUNT1 + "\",\"value\":\"0x1000\"}]")
        .get("result").get("transactionHash").asText();
    JsonNode receipt = direct("eth_sendTransactionSync",
        "[{\"from\":\"" + Anvil.ACCOUNT0 + "\",\"data\":\"" + EventContract.creationCode() + "\"}]").get("result");
    contract = receipt.get("contractAddress").asText();
    callData = EventContract.pingData(7);
    direct("eth_sendTransactionSync", "[{\"from\":\"" + Anvil.ACCOUNT0 + "\",\"to\":\"" + contract + "\",\"data\":\"" + callData + "\"}]");
    blockHash = direct("eth_getBlockByNumber", "[\"0x1\",false]").get("result").get("hash").asText();
  }

  @AfterAll
  void stop() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  private JsonNode direct(String method, String params) {
    return Wire.json(Wire.post(stack.anvil().http(), Wire.call(1, method, params)));
  }

  @Test
  void publicModeIsDetectedFromTheNodesOwnAnswer() {
    assertEquals(Optional.of(NodeMode.PUBLIC), stack.proxy().scopegate().privacy().mode());
    assertTrue(stack.proxy().scopegate().privacy().index().isEmpty(), "no privacy index in public mode");
  }

  Stream<Arguments> calls() {
    String a0 = "\"" + Anvil.ACCOUNT0 + "\"";
    String c = "\"" + contract + "\"";
    String call = "{\"from\":" + a0 + ",\"to\":" + c + ",\"data\":\"" + callData + "\"}";
    List<String[]> rows = new ArrayList<>(List.of(
        new String[] {"eth_chainId", "[]"},
        new String[] {"eth_blockNumber", "[]"},
        new String[] {"net_version", "[]"},
        new String[] {"net_listening", "[]"},
        new String[] {"web3_clientVersion", "[]"},
        new String[] {"web3_sha3", "[\"0x68656c6c6f\"]"},
        new String[] {"eth_gasPrice", "[]"},
        new String[] {"eth_maxPriorityFeePerGas", "[]"},
        new String[] {"eth_feeHistory", "[\"0x3\",\"latest\",[25,75]]"},
        new String[] {"eth_blobBaseFee", "[]"},
        new String[] {"eth_syncing", "[]"},
        new String[] {"eth_coinbase", "[]"},
        new String[] {"eth_getBlockByNumber", "[\"0x1\",false]"},
        new String[] {"eth_getBlockByNumber", "[\"latest\",true]"},
        new String[] {"eth_getBlockByHash", "[\"" + blockHash + "\",true]"},
        new String[] {"eth_getBlockTransactionCountByNumber", "[\"0x1\"]"},
        new String[] {"eth_getBlockTransactionCountByHash", "[\"" + blockHash + "\"]"},
        new String[] {"eth_getUncleCountByBlockNumber", "[\"0x1\"]"},
        new String[] {"eth_getUncleByBlockNumberAndIndex", "[\"0x1\",\"0x0\"]"},
        new String[] {"eth_getTransactionByHash", "[\"" + tx + "\"]"},
        new String[] {"eth_getTransactionByBlockNumberAndIndex", "[\"0x1\",\"0x0\"]"},
        new String[] {"eth_getTransactionByBlockHashAndIndex", "[\"" + blockHash + "\",\"0x0\"]"},
        new String[] {"eth_getRawTransactionByHash", "[\"" + tx + "\"]"},
        new String[] {"eth_getTransactionReceipt", "[\"" + tx + "\"]"},
        new String[] {"eth_getBlockReceipts", "[\"0x3\"]"},
        new String[] {"eth_getLogs", "[{\"fromBlock\":\"0x0\",\"toBlock\":\"latest\"}]"},
        new String[] {"eth_getLogs", "[{\"address\":" + c + "}]"},
        new String[] {"eth_getBalance", "[" + a0 + ",\"latest\"]"},
        new String[] {"eth_getBalance", "[" + a0 + ",\"0x1\"]"},
        new String[] {"eth_getBalance", "[" + a0 + ",\"pending\"]"},
        new String[] {"eth_getTransactionCount", "[" + a0 + ",\"latest\"]"},
        new String[] {"eth_getTransactionCount", "[" + a0 + ",\"pending\"]"},
        new String[] {"eth_getCode", "[" + c + ",\"latest\"]"},
        new String[] {"eth_getStorageAt", "[" + c + ",\"0x0\",\"latest\"]"},
        new String[] {"eth_call", "[" + call + ",\"latest\"]"},
        new String[] {"eth_estimateGas", "[" + call + "]"},
        new String[] {"eth_createAccessList", "[" + call + ",\"latest\"]"},
        new String[] {"eth_getProof", "[" + c + ",[\"0x0\"],\"latest\"]"},
        new String[] {"debug_traceTransaction", "[\"" + tx + "\",{\"tracer\":\"callTracer\"}]"},
        new String[] {"debug_traceCall", "[" + call + ",\"latest\",{\"tracer\":\"callTracer\"}]"},
        new String[] {"trace_transaction", "[\"" + tx + "\"]"},
        new String[] {"eth_getContractPrivacyMetadata", "[" + c + "]"}));
    return rows.stream().map(r -> Arguments.of(r[0], r[1]));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("calls")
  void anOperatorSeesWhatTheNodeAnswers(String method, String params) {
    String body = Wire.call(41, method, params);
    String direct = Wire.post(stack.anvil().http(), body).body();
    HttpResponse<String> through = stack.proxy().operator(body);
    assertEquals(200, through.statusCode());
    assertEquals(direct, through.body());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("calls")
  void aTenantInPublicModeSeesWhatTheNodeAnswers(String method, String params) {
    String body = Wire.call(42, method, params);
    String direct = Wire.post(stack.anvil().http(), body).body();
    HttpResponse<String> through = stack.proxy().tenant(stack.token("rpc://"), body);
    assertEquals(200, through.statusCode());
    assertEquals(direct, through.body());
  }
}
