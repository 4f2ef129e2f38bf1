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
import org.web3j.crypto.Credentials;

/**
 * Transactions the client signed itself, through the pipeline to the dev node. A private one's
 * sending key is the one Tessera reports for its payload ({@code A}, {@code B}: a payload sent by
 * that key; {@code unknown}: one Tessera does not hold), whatever {@code privateFrom} the client
 * claims; its account is its signer ({@code alice}, {@code bob}).
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RawTransactionGuardTest {
  private static final String FULL_A = "0x0/_/0x0/A";
  private static final String FULL_B = "0x0/_/0x0/B";

  private GuardStack stack;
  private Map<String, String> targets;
  private Map<String, String> payloads;

  @BeforeAll
  void start(Vertx vertx, @TempDir Path dir) throws Exception {
    stack = GuardStack.start(vertx, dir.resolve("index"));
    targets =
        Map.of(
            "cA", stack.createPrivate(DevTessera.KA).hex(),
            "cB", stack.createPrivate(DevTessera.KB).hex(),
            "pub", stack.createPublic().hex());
    payloads =
        Map.of(
            "A", stack.storePayload(DevTessera.KA),
            "B", stack.storePayload(DevTessera.KB, DevTessera.KA),
            "unknown", "0x" + "5e".repeat(64));
    stack.awaitIndexed();
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  private String signed(String signer, String kind, String to, String payload) {
    Credentials key = signer.equals("alice") ? Signed.ALICE : Signed.BOB;
    String target = to.equals("-") ? null : targets.get(to);
    return switch (kind) {
      case "legacy" -> Signed.legacy(key, target, "0x");
      case "eip155" -> Signed.eip155(key, 1337, target, "0x");
      case "typed" -> Signed.typed(key, 1337, target);
      case "private" -> Signed.privately(key, target, payloads.get(payload));
      default -> throw new AssertionError(kind);
    };
  }

  @ParameterizedTest(name = "[{0}] {1} {2} to {3} with payload of {4} -> {5}")
  @CsvSource(
      delimiter = ';',
      value = {
        // public: the client's own key, none of the node's; only others' private contracts are off
        // limits
        FULL_A + ";           alice; legacy;  pub; -;       forwarded",
        FULL_A + ";           alice; legacy;  -;   -;       forwarded",
        FULL_A + ";           alice; legacy;  cA;  -;       forwarded",
        FULL_A + ";           alice; legacy;  cB;  -;       not authorized",
        FULL_A + ";           bob;   eip155;  cB;  -;       not authorized",
        FULL_A + ";           bob;   typed;   cB;  -;       not authorized",
        FULL_A + ";           bob;   typed;   pub; -;       forwarded",
        "0x0/read/0x0/A;      alice; legacy;  pub; -;       forwarded",
        // private: the sending key is the payload's sender as Tessera knows it
        FULL_A + ";           alice; private; -;   A;       forwarded",
        FULL_A + ";           alice; private; -;   B;       not authorized",
        FULL_A + ";           alice; private; cA;  A;       forwarded",
        FULL_A + ";           alice; private; cB;  A;       not authorized",
        FULL_A + ";           alice; private; -;   unknown; not authorized",
        FULL_B + ";           alice; private; -;   B;       forwarded",
        // and the account is the signer
        "alice/_/0x0/A;       alice; private; -;   A;       forwarded",
        "alice/_/0x0/A;       bob;   private; -;   A;       not authorized",
        "0x0/read/0x0/A;      alice; private; cA;  A;       not authorized",
      })
  void sendRawTransaction(
      String scopes, String signer, String kind, String to, String payload, String expected)
      throws Exception {
    String params = "[\"" + signed(signer, kind.trim(), to.trim(), payload.trim()) + "\"]";
    assertEquals(expected, stack.outcome(stack.tenant(scopes), "eth_sendRawTransaction", params));
  }

  @ParameterizedTest(name = "{0} [{1}] to {2}, payload of {3}, claiming {4} -> {5}")
  @CsvSource(
      delimiter = ';',
      value = {
        "eth_sendRawPrivateTransaction;    " + FULL_A + "; -;  B; A; not authorized",
        "eth_sendRawPrivateTransaction;    " + FULL_A + "; -;  B; -; not authorized",
        "eth_sendRawPrivateTransaction;    " + FULL_B + "; -;  B; -; forwarded",
        "eth_sendRawPrivateTransaction;    " + FULL_B + "; -;  B; B; forwarded",
        "eth_sendRawPrivateTransaction;    " + FULL_B + "; -;  B; A; not authorized",
        "eth_sendRawPrivateTransaction;    " + FULL_A + " " + FULL_B + "; -; B; A; not authorized",
        "eth_sendRawPrivateTransaction;    " + FULL_A + "; cA; A; -; forwarded",
        "eth_sendRawPrivateTransaction;    " + FULL_A + "; cB; A; -; not authorized",
        "eth_sendRawPrivateTransaction;    " + FULL_A + "; -;  unknown; -; not authorized",
        "eth_distributePrivateTransaction; " + FULL_A + "; -;  A; -; forwarded",
        "eth_distributePrivateTransaction; " + FULL_A + "; -;  B; -; not authorized",
      })
  void rawPrivateTransactions(
      String method, String scopes, String to, String payload, String claim, String expected)
      throws Exception {
    ObjectNode privateArgs = Json.MAPPER.createObjectNode();
    privateArgs.putArray("privateFor").add(DevTessera.KC);
    if (!claim.equals("-")) {
      privateArgs.put("privateFrom", stack.name(claim));
    }
    ArrayNode params =
        Json.MAPPER
            .createArrayNode()
            .add(signed("alice", "private", to.trim(), payload.trim()))
            .add(privateArgs);
    assertEquals(expected, stack.outcome(stack.tenant(scopes), method.trim(), Json.string(params)));
  }

  @Test
  void anUnreachableTesseraIsARetriableFailure() throws Exception {
    String params = "[\"" + signed("alice", "private", "-", "A") + "\"]";
    stack.node.tessera().available(false);
    try {
      assertEquals(
          "privacy facts unavailable; retry",
          stack.outcome(stack.tenant(FULL_A), "eth_sendRawTransaction", params));
    } finally {
      stack.node.tessera().available(true);
    }
  }

  @Test
  void whatIsNotASignedTransactionIsInvalid() throws Exception {
    assertEquals(
        "invalid params",
        stack.outcome(stack.tenant(FULL_A), "eth_sendRawTransaction", "[\"0xc0\"]"));
    assertEquals(
        "invalid params",
        stack.outcome(
            stack.tenant(FULL_A),
            "eth_sendRawPrivateTransaction",
            "[\"" + signed("alice", "legacy", "pub", "-") + "\",{\"privateFor\":[]}]"));
  }
}
