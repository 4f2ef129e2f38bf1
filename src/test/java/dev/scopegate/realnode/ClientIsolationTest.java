package dev.scopegate.realnode;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.devnode.Scenario;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A tenant's dApp, written with each real client library, in front of a node with private state
 * (the dev node): its own private contract readable, another tenant's refused as a non-party node
 * would, logs and a WebSocket logs subscription filtered — while the other tenant's contract
 * really emitted in between.
 */
@ExtendWith(VertxExtension.class)
class ClientIsolationTest {

  /**
   * @param queryToken whether the client's WebSocket carries the token in the URL: viem's
   *     WebSocket transport cannot set headers; ethers (Node.js) sends it on the upgrade
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"viem-isolation.mjs, true", "ethers-isolation.mjs, false"})
  void aTenantsClientSeesOnlyItsOwn(String script, boolean queryToken, Vertx vertx, @TempDir Path dir)
      throws Exception {
    try (DevScenarioStack dev = DevScenarioStack.start(vertx, dir.resolve("sg.ipc"))) {
      Scenario s = dev.scenario();
      String http = dev.stack().proxy().url().toString();
      String tokenA = dev.tokenA("rpc://eth_*");
      String ws = http.replace("http://", "ws://") + (queryToken ? "?access_token=" + tokenA : "");
      JsonNode facts = NodeScript.run(script, Map.of(
          "SG_HTTP", http,
          "SG_WS", ws,
          "TOKEN_A", tokenA,
          "TOKEN_B", dev.tokenB("rpc://eth_*"),
          "OWN", s.privateA().address().toString(),
          "FOREIGN", s.privateB().address().toString(),
          "OWNER_A", s.ownerA().toString(),
          "OWNER_B", s.ownerB().toString(),
          "KEY_A", s.keyA(),
          "KEY_B", s.keyB()));
      String foreign = s.privateB().address().toString().toLowerCase();
      assertFalse(facts.toString().contains(foreign), "B's contract appears nowhere in A's view: " + facts);
      assertTrue(facts.get("seen").toString().contains(s.privateA().address().toString().toLowerCase()));
    }
  }
}
