package dev.scopegate.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Multiple private states: a client-signed private transaction passes only when its signer is in
 * the PSI's {@code self.eoa} grant (GoQuorum internal/ethapi/api.go SubmitTransaction, {@code
 * WithSelfEOAIf(isRaw, from)}); a public one passes whoever signed it, as there. "passed" means
 * the node, not Scopegate, answered.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MpsRawTransactionTest {
  private static final String UNKNOWN_PAYLOAD = "0x" + "5e".repeat(64);
  private Stack stack;

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults().withMultiplePrivateStates(true))
        .await(10, TimeUnit.SECONDS);
    stack = Stack.start(vertx, node, UnaryOperator.identity());
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  @ParameterizedTest(name = "{0} signed by {1}, self.eoa {2} -> {3}")
  @CsvSource(delimiter = ';', value = {
      "eth_sendRawPrivateTransaction; alice; alice; passed",
      "eth_sendRawPrivateTransaction; alice; bob;   not authorized",
      "eth_sendRawPrivateTransaction; alice; 0x0;   passed",
      "eth_sendRawPrivateTransaction; alice; none;  not authorized",
      "eth_distributePrivateTransaction; bob; alice; not authorized",
      "eth_sendRawTransaction;        alice; bob;   not authorized",
      "eth_sendRawTransaction;        alice; alice; passed",
      "public;                        alice; bob;   passed",
  })
  void signerMustBeGranted(String method, String signer, String granted, String expected) {
    String grant = switch (granted.trim()) {
      case "alice" -> "?self.eoa=" + Signed.ALICE.getAddress();
      case "bob" -> "?self.eoa=" + Signed.BOB.getAddress();
      case "0x0" -> "?self.eoa=0x0";
      default -> "?node.eoa=0x0";
    };
    var key = signer.trim().equals("alice") ? Signed.ALICE : Signed.BOB;
    String m = method.trim();
    String raw = m.equals("public") ? Signed.legacy(key, null, "0x") : Signed.privately(key, null, UNKNOWN_PAYLOAD);
    String token = stack.token("rpc://eth_*", "psi://PS1" + grant);
    JsonNode answer = Wire.json(stack.proxy().tenant(token,
        Wire.call(1, m.equals("public") ? "eth_sendRawTransaction" : m,
            "[\"" + raw + "\"" + (m.contains("Private") ? ",{\"privateFor\":[]}" : "") + "]")));
    String message = answer.path("error").path("message").asText("");
    if (expected.trim().equals("passed")) {
      // the node answered: a result, or its own complaint about the made-up payload
      assertNotEquals("not authorized", message, answer.toString());
      assertEquals(true, answer.has("result") || message.contains("was not found"), answer.toString());
    } else {
      assertEquals(expected.trim(), message, answer.toString());
    }
  }
}
