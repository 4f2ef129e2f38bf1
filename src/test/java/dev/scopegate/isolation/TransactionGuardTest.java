package dev.scopegate.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.devnode.DevTessera;
import dev.scopegate.jsonrpc.Json;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Transactions the node signs or fills, through the pipeline to the dev node: tenant × sending
 * account × target × privateFor/privateFrom → forwarded, or which refusal (never reaching the
 * node). Targets: {@code cA} private to key A, {@code cAB} to A and B, {@code cB} to B, {@code pub}
 * a public contract, {@code -} a creation.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionGuardTest {
  private static final String FULL_A = "0x0/_/0x0/A";

  private GuardStack stack;
  private Map<String, String> targets;

  @BeforeAll
  void start(Vertx vertx, @TempDir Path dir) throws Exception {
    stack = GuardStack.start(vertx, dir.resolve("index"));
    targets =
        Map.of(
            "cA", stack.createPrivate(DevTessera.KA).hex(),
            "cAB", stack.createPrivate(DevTessera.KA, DevTessera.KB).hex(),
            "cB", stack.createPrivate(DevTessera.KB).hex(),
            "pub", stack.createPublic().hex(),
            "eoa", "0x" + "e0".repeat(20));
    stack.awaitIndexed();
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  /** {@code [{from, to?, privateFor?, privateFrom?}]} from a row; {@code -} leaves a field out. */
  private String args(String from, String to, String privateFor, String privateFrom) {
    ObjectNode tx =
        Json.MAPPER.createObjectNode().put("from", stack.name(from)).put("data", GuardStack.CODE);
    if (!to.equals("-")) {
      tx.put("to", targets.get(to));
    }
    if (!privateFor.equals("-")) {
      ArrayNode keys = tx.putArray("privateFor");
      for (String key : privateFor.replaceAll("[\\[\\]]", "").split(",")) {
        if (!key.isEmpty()) {
          keys.add(stack.name(key));
        }
      }
    }
    if (!privateFrom.equals("-")) {
      tx.put("privateFrom", stack.name(privateFrom));
    }
    return Json.string(Json.MAPPER.createArrayNode().add(tx));
  }

  @ParameterizedTest(name = "[{0}] from {1} to {2} privateFor {3} privateFrom {4} -> {5}")
  @CsvSource(
      delimiter = ';',
      value = {
        // private: privateFrom required, held with create/write rights; a private target must be
        // the tenant's
        FULL_A + ";            node0; -;   [];  A; forwarded",
        FULL_A + ";            node0; -;   [C]; -; missing privateFrom",
        FULL_A + ";            node0; -;   [];  B; not authorized",
        FULL_A + ";            node0; cA;  [];  A; forwarded",
        FULL_A + ";            node0; cAB; [B]; A; forwarded",
        FULL_A + ";            node0; cB;  [];  A; not authorized",
        FULL_A + ";            node0; pub; [];  A; forwarded",
        FULL_A + ";            node0; eoa; [];  A; forwarded",
        "node0/_/0x0/A;        node0; -;   [];  A; forwarded",
        "node0/_/0x0/A;        node1; -;   [];  A; not authorized",
        "0x0/read/0x0/A;       node0; cA;  [];  A; not authorized",
        "0x0/create/0x0/A;     node0; -;   [];  A; forwarded",
        "0x0/create/0x0/A;     node0; cA;  [];  A; not authorized",
        "0x0/write/0x0/A;      node0; cA;  [];  A; forwarded",
        "0x0/write/0x0/A;      node0; -;   [];  A; not authorized",
        "0x0/write/0x0/A 0x0/read/0x0/B; node0; cB; []; A; not authorized",
        "0x0/write/0x0/A,B;    node0; cB;  [];  A; forwarded",
        // public: the node account must be the tenant's; a private target must have one of its keys
        FULL_A + ";            node0; pub; -;   -; forwarded",
        FULL_A + ";            node0; eoa; -;   -; forwarded",
        FULL_A + ";            node0; -;   -;   -; forwarded",
        FULL_A + ";            node0; cA;  -;   -; forwarded",
        FULL_A + ";            node0; cB;  -;   -; not authorized",
        "node0/_/0x0/A;        node1; pub; -;   -; not authorized",
        "0x0/read/0x0/A;       node0; pub; -;   -; not authorized",
        "0x0/read/0x0/B 0x0/_/0x0/A; node0; cB; -; -; forwarded",
      })
  void sendTransaction(
      String scopes, String from, String to, String privateFor, String privateFrom, String expected)
      throws Exception {
    String params = args(from, to, privateFor, privateFrom);
    assertEquals(expected, stack.outcome(stack.tenant(scopes), "eth_sendTransaction", params));
  }

  @ParameterizedTest(name = "{0} [{1}] to {2} privateFor {3} -> {4}")
  @CsvSource(
      delimiter = ';',
      value = {
        "personal_sendTransaction;        " + FULL_A + "; cB;  [];  not authorized",
        "personal_sendTransaction;        " + FULL_A + "; cA;  [];  forwarded",
        "personal_signAndSendTransaction; " + FULL_A + "; cB;  [];  not authorized",
        "personal_signTransaction;        node0/_/0x0/A; pub; -;   forwarded",
        "eth_signTransaction;             node1/_/0x0/A; pub; -;   not authorized",
        "eth_signTransaction;             " + FULL_A + "; cB;  [];  not authorized",
        // filling signs nothing: no account needed for a public fill, but no probing of others'
        // contracts
        "eth_fillTransaction;             0x0/read/0x0/A; pub; -;  forwarded",
        "eth_fillTransaction;             0x0/read/0x0/A; cB;  -;  not authorized",
        "eth_fillTransaction;             " + FULL_A + "; cB;  [];  not authorized",
        "eth_fillTransaction;             " + FULL_A + "; -;   [];  forwarded",
        "eth_sendTransactionAsync;        " + FULL_A + "; cA;  [];  forwarded",
        "eth_sendTransactionAsync;        " + FULL_A + "; cB;  [];  not authorized",
      })
  void otherTransactionMethods(
      String method, String scopes, String to, String privateFor, String expected)
      throws Exception {
    String params = args("node0", to, privateFor, "A");
    if (method.startsWith("personal_")) {
      params = params.substring(0, params.length() - 1) + ",\"passphrase\"]";
    }
    assertEquals(expected, stack.outcome(stack.tenant(scopes), method.trim(), params));
  }

  @Test
  void callbackUrlsAreNotForTenants() throws Exception {
    String params =
        "[{\"from\":\""
            + stack.name("node0")
            + "\",\"to\":\""
            + targets.get("pub")
            + "\",\"callbackUrl\":\"http://169.254.169.254/latest\"}]";
    assertEquals(
        "not authorized", stack.outcome(stack.tenant(FULL_A), "eth_sendTransactionAsync", params));
  }

  @Test
  void fieldNamesMatchAsTheNodeMatchesThem() throws Exception {
    // Go's encoding/json fills "to" and "privateFor" from "TO" and "PrivateFor"
    String params =
        "[{\"from\":\""
            + stack.name("node0")
            + "\",\"TO\":\""
            + targets.get("cB")
            + "\",\"PrivateFor\":[],\"privateFrom\":\""
            + DevTessera.KA
            + "\"}]";
    assertEquals(
        "not authorized", stack.outcome(stack.tenant(FULL_A), "eth_sendTransaction", params));
  }

  @Test
  void aFieldGivenTwiceIsRefused() throws Exception {
    String params =
        "[{\"from\":\""
            + stack.name("node0")
            + "\",\"to\":\""
            + targets.get("cA")
            + "\",\"To\":\""
            + targets.get("cB")
            + "\"}]";
    assertEquals(
        "invalid params", stack.outcome(stack.tenant(FULL_A), "eth_sendTransaction", params));
  }

  @Test
  void aPrivateTransactionIsMinedForItsTenant() throws Exception {
    String hash =
        stack
            .call(stack.tenant(FULL_A), "eth_sendTransaction", args("node0", "-", "[]", "A"))
            .result()
            .asText();
    assertEquals(66, hash.length(), "the node's answer, a transaction hash, comes back: " + hash);
  }
}
