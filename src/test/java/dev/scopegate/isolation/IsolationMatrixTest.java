package dev.scopegate.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.devnode.Address;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.devnode.DevScenario;
import dev.scopegate.devnode.Scenario;
import dev.scopegate.testing.IpcClient;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import dev.scopegate.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The isolation matrix through HTTP and WebSocket (and, for the operator, IPC): transport × method
 * × principal × target → what the principal gets.
 * Principals: tenants A and B (every action on their key), a read-only and a create-only tenant
 * on A's key, and the operator. Targets: contracts private to A, to B, shared, public, made by
 * A's factory, and A's contracts that reach B's (a call, a code read).
 *
 * <p>Expected values: {@code same} is what the operator gets (the node's own answer), {@code 0x}
 * a non-party node's answer, {@code denied} {@code not authorized}, {@code logs:N} a receipt or
 * log list with N logs (up to the seeded head: rows that send add none), {@code blank} a
 * non-party receipt, {@code sent} the hash of a transaction the node mined from the principal's
 * account to the target, {@code trace} the operator's own callTracer frame.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationMatrixTest {
  private static final String ZERO_BLOOM = "0x" + "0".repeat(512);
  private static final String ZERO_WORD = "0x" + "0".repeat(64);

  private Stack stack;
  private Scenario scenario;
  private Map<String, String> tokens;
  /** The seeded chain's head: log rows count up to it, so rows that send transactions change no other row. */
  private String seeded;
  @TempDir static Path dir;
  /** One WebSocket per principal; the operator's carries the API key. */
  private final Map<String, WsClient> sockets = new HashMap<>();
  private IpcClient ipc;

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    scenario = DevScenario.seed(node.chain());
    Path socket = dir.resolve("sg.ipc");
    stack = Stack.start(vertx, node, c -> TestConfigs.withIpc(c, socket));
    stack.awaitIndexed();
    seeded = "0x" + Long.toHexString(node.chain().head().number());
    String[] rpc = {"rpc://eth_*", "rpc://debug_traceTransaction"};
    tokens = Map.of(
        "A", token(rpc, TenantScopes.owner(scenario.keyA())),
        "B", token(rpc, TenantScopes.owner(scenario.keyB())),
        "readOnlyA", token(rpc, TenantScopes.grant("0x0", "read", scenario.keyA())),
        "createOnlyA", token(rpc, TenantScopes.grant("0x0", "create", scenario.keyA())));
    for (Map.Entry<String, String> t : tokens.entrySet()) {
      sockets.put(t.getKey(), WsClient.connect(stack.proxy().url(), "Authorization", "Bearer " + t.getValue()));
    }
    sockets.put("operator", WsClient.connect(stack.proxy().url(), "X-API-Key", TestConfigs.API_KEY));
    ipc = IpcClient.connect(socket);
  }

  private String token(String[] rpc, String privateScope) {
    return stack.token(rpc[0], rpc[1], privateScope);
  }

  @AfterAll
  void stop() throws Exception {
    sockets.values().forEach(WsClient::close);
    ipc.close();
    stack.close();
  }

  private Scenario.Deployed target(String name) {
    return switch (name) {
      case "privateA" -> scenario.privateA();
      case "privateB" -> scenario.privateB();
      case "shared" -> scenario.shared();
      case "public" -> scenario.publicContract();
      case "child" -> scenario.child();
      case "reacher" -> scenario.reacher();
      case "codeReader" -> scenario.codeReader();
      default -> throw new IllegalArgumentException(name);
    };
  }

  private Address sender(String principal) {
    return principal.equals("B") ? scenario.ownerB() : scenario.ownerA();
  }

  private String key(String principal) {
    return principal.equals("B") ? scenario.keyB() : scenario.keyA();
  }

  private JsonNode call(String transport, String principal, String body) {
    try {
      return switch (transport) {
        case "http" -> Wire.json(principal.equals("operator")
            ? stack.proxy().operator(body)
            : stack.proxy().tenant(tokens.get(principal), body));
        case "ws" -> sockets.get(principal).call(body);
        case "ipc" -> ipc.send(body + "\n").json(); // the operators' endpoint
        default -> throw new IllegalArgumentException(transport);
      };
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private JsonNode call(String principal, String body) {
    return call("http", principal, body);
  }

  private String params(String method, String principal, Scenario.Deployed t) {
    String to = "\"" + t.address() + "\"";
    return switch (method) {
      case "eth_getCode" -> "[" + to + ",\"latest\"]";
      case "eth_call", "eth_estimateGas", "eth_createAccessList" -> "[{\"to\":" + to + ",\"data\":\"0x\"},\"latest\"]";
      case "eth_getStorageAt" -> "[" + to + ",\"0x0\",\"latest\"]";
      case "eth_getProof" -> "[" + to + ",[\"0x0\"],\"latest\"]";
      case "eth_getPrivateTransactionByHash", "eth_getPrivateTransactionReceipt" -> "[\"" + t.call() + "\"]";
      case "eth_getLogs" -> "[{\"fromBlock\":\"0x0\",\"toBlock\":\"" + seeded + "\",\"address\":" + to + "}]";
      case "eth_getTransactionReceipt" -> "[\"" + t.call() + "\"]";
      case "debug_traceTransaction" -> "[\"" + t.creation() + "\",{\"tracer\":\"callTracer\"}]";
      case "eth_sendTransaction" -> "[{\"from\":\"" + sender(principal) + "\",\"to\":" + to
          + ",\"data\":\"0x01\",\"privateFrom\":\"" + key(principal) + "\",\"privateFor\":[]}]";
      default -> throw new IllegalArgumentException(method);
    };
  }

  /** What the principal got over {@code transport}, in the matrix's vocabulary. */
  private String outcome(String transport, String method, String principal, Scenario.Deployed t) {
    JsonNode answer = call(transport, principal, Wire.call(1, method, params(method, principal, t)));
    if (answer.has("error")) {
      String message = answer.get("error").get("message").asText();
      return message.equals("not authorized") ? "denied" : "error: " + message;
    }
    JsonNode result = answer.get("result");
    if (result.isNull()) {
      return "null";
    }
    return switch (method) {
      case "eth_getLogs" -> "logs:" + result.size();
      case "eth_getTransactionReceipt", "eth_getPrivateTransactionReceipt" -> result.get("logs").isEmpty()
              && result.get("logsBloom").asText().equals(ZERO_BLOOM) ? "blank" : "logs:" + result.get("logs").size();
      case "eth_sendTransaction" -> mined(result.asText(), sender(principal), t) ? "sent" : result.toString();
      case "debug_traceTransaction" -> sameAsOperator(method, t, result) && result.path("type").isTextual()
          ? "trace" : result.toString();
      case "eth_getStorageAt" -> result.asText().equals(ZERO_WORD) ? "zero" : sameAsOperator(method, t, result) ? "same" : result.asText();
      default -> sameAsOperator(method, t, result) ? "same" : result.asText();
    };
  }

  /** Whether the node mined {@code hash} as a transaction from {@code from} to the target. */
  private boolean mined(String hash, Address from, Scenario.Deployed t) {
    JsonNode tx = call("operator", Wire.call(1, "eth_getTransactionByHash", "[\"" + hash + "\"]")).get("result");
    return tx != null && tx.isObject() && tx.path("blockNumber").isTextual()
        && tx.path("from").asText().equals(from.hex()) && tx.path("to").asText().equals(t.address().hex());
  }

  private boolean sameAsOperator(String method, Scenario.Deployed t, JsonNode result) {
    JsonNode truth = call("operator", Wire.call(1, method, params(method, "operator", t))).get("result");
    return truth != null && truth.equals(result) && !(method.equals("eth_getCode") && result.asText().equals("0x"));
  }

  /** method, principal, target, expected: the rows, run over HTTP and WebSocket (the operator's over IPC too). */
  private static final String[] ROWS = {
    // state reads
    "eth_getCode, A, privateA, same", "eth_getCode, A, privateB, 0x", "eth_getCode, A, shared, same",
    "eth_getCode, A, public, same", "eth_getCode, A, child, same", "eth_getCode, A, reacher, same",
    "eth_getCode, B, privateA, 0x", "eth_getCode, B, privateB, same", "eth_getCode, B, shared, same",
    "eth_getCode, B, child, 0x", "eth_getCode, B, reacher, 0x",
    "eth_getCode, readOnlyA, privateA, same", "eth_getCode, createOnlyA, privateA, 0x",
    "eth_getCode, operator, privateB, same",
    // calls, traced before they run
    "eth_call, A, privateA, same", "eth_call, A, privateB, denied", "eth_call, A, shared, same",
    "eth_call, A, public, same", "eth_call, A, child, same",
    "eth_call, A, reacher, denied", "eth_call, A, codeReader, denied",
    "eth_call, B, privateA, denied", "eth_call, B, privateB, same", "eth_call, B, shared, same",
    "eth_call, readOnlyA, privateA, same", "eth_call, createOnlyA, privateA, denied",
    "eth_call, operator, reacher, same",
    // logs
    "eth_getLogs, A, privateA, logs:1", "eth_getLogs, A, privateB, logs:0", "eth_getLogs, A, shared, logs:1",
    "eth_getLogs, A, public, logs:1", "eth_getLogs, A, child, logs:1",
    "eth_getLogs, B, privateA, logs:0", "eth_getLogs, B, privateB, logs:1", "eth_getLogs, B, child, logs:0",
    "eth_getLogs, operator, privateB, logs:2",
    // receipts of each contract's call
    "eth_getTransactionReceipt, A, privateA, logs:1", "eth_getTransactionReceipt, A, privateB, blank",
    "eth_getTransactionReceipt, A, shared, logs:1", "eth_getTransactionReceipt, A, public, logs:1",
    "eth_getTransactionReceipt, A, reacher, logs:1", "eth_getTransactionReceipt, B, reacher, blank",
    "eth_getTransactionReceipt, operator, reacher, logs:2",
    // traces of each contract's creation
    "debug_traceTransaction, A, privateA, trace", "debug_traceTransaction, A, privateB, denied",
    "debug_traceTransaction, B, privateA, denied", "debug_traceTransaction, A, public, trace",
    // private writes
    "eth_sendTransaction, A, privateA, sent", "eth_sendTransaction, A, privateB, denied",
    "eth_sendTransaction, A, shared, sent", "eth_sendTransaction, B, privateB, sent",
    "eth_sendTransaction, B, privateA, denied", "eth_sendTransaction, readOnlyA, privateA, denied",
    "eth_sendTransaction, createOnlyA, privateA, denied",
      // more state reads, executions and private transactions
    "eth_getStorageAt, A, privateA, same", "eth_getStorageAt, A, privateB, zero", "eth_getStorageAt, A, shared, same",
    "eth_getStorageAt, B, privateA, zero", "eth_getStorageAt, B, privateB, same", "eth_getStorageAt, A, public, same",
    "eth_getStorageAt, readOnlyA, privateA, same", "eth_getStorageAt, createOnlyA, privateA, zero",
    "eth_getStorageAt, operator, privateB, same",
    "eth_getProof, A, privateA, same", "eth_getProof, A, privateB, denied", "eth_getProof, B, privateA, denied",
    "eth_getProof, operator, privateA, same",
    "eth_estimateGas, A, privateA, same", "eth_estimateGas, A, privateB, denied", "eth_estimateGas, A, reacher, denied",
    "eth_estimateGas, B, privateB, same", "eth_estimateGas, operator, reacher, same",
    // the default dev node (GoQuorum without privacy markers) has neither eth_createAccessList nor
    // the private-transaction methods: the rows are the refusals, answered before the node is asked
    "eth_createAccessList, A, privateB, denied", "eth_createAccessList, A, codeReader, denied",
    "eth_createAccessList, B, privateA, denied",
    "eth_getPrivateTransactionByHash, A, privateB, null", "eth_getPrivateTransactionByHash, B, privateA, null",
    "eth_getPrivateTransactionReceipt, A, privateB, null", "eth_getPrivateTransactionReceipt, B, reacher, null",
  };

  static Stream<Arguments> rows() {
    return Arrays.stream(ROWS).flatMap(row -> {
      String[] c = row.split(", ");
      Stream<String> transports = c[1].equals("operator") ? Stream.of("http", "ws", "ipc") : Stream.of("http", "ws");
      return transports.map(transport -> Arguments.of(transport, c[0], c[1], c[2], c[3]));
    });
  }

  @ParameterizedTest(name = "{0}: {1} by {2} on {3} -> {4}")
  @MethodSource("rows")
  void matrix(String transport, String method, String principal, String target, String expected) {
    assertEquals(expected, outcome(transport, method, principal, target(target)));
  }

  @Test
  void aCreateOnlyTenantCreates() {
    String body = Wire.call(1, "eth_sendTransaction", "[{\"from\":\"" + scenario.ownerA()
        + "\",\"data\":\"0x6000\",\"privateFrom\":\"" + scenario.keyA() + "\",\"privateFor\":[]}]");
    String hash = call("createOnlyA", body).get("result").asText();
    JsonNode tx = call("operator", Wire.call(1, "eth_getTransactionByHash", "[\"" + hash + "\"]")).get("result");
    assertEquals(scenario.ownerA().hex(), tx.path("from").asText(), "the node mined it from A's account: " + tx);
    assertTrue(tx.path("to").isNull() && tx.path("blockNumber").isTextual(), "a mined creation: " + tx);
    JsonNode readOnly = call("readOnlyA", body);
    assertEquals("not authorized", readOnly.get("error").get("message").asText());
  }

  @Test
  void aBatchMixesEveryOutcome() {
    String body = "["
        + Wire.call(1, "eth_getCode", params("eth_getCode", "A", scenario.privateA())) + ","
        + Wire.call(2, "eth_getCode", params("eth_getCode", "A", scenario.privateB())) + ","
        + Wire.call(3, "eth_call", params("eth_call", "A", scenario.reacher())) + ","
        + Wire.call(4, "eth_getLogs", params("eth_getLogs", "A", scenario.privateB())) + ","
        + Wire.call(5, "net_version", "[]") + "]";
    JsonNode answers = call("A", body);
    assertEquals(5, answers.size());
    assertEquals(call("operator", Wire.call(1, "eth_getCode", params("eth_getCode", "A", scenario.privateA()))).get("result"),
        answers.get(0).get("result"));
    assertEquals("0x", answers.get(1).get("result").asText());
    assertEquals("not authorized", answers.get(2).get("error").get("message").asText());
    assertEquals(0, answers.get(3).get("result").size());
    assertEquals("net_version - access denied", answers.get(4).get("error").get("message").asText());
    for (int i = 0; i < 5; i++) {
      assertEquals(i + 1, answers.get(i).get("id").asInt(), "answers keep request order");
    }
  }
}
