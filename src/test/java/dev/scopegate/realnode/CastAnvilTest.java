package dev.scopegate.realnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.config.Config;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * foundry's {@code cast} as a tenant, through Scopegate in front of anvil: {@code cast send} with
 * the node's fee market (no {@code --legacy}), {@code cast call}, and a WebSocket URL carrying the
 * token as {@code access_token} (cast cannot set headers on an upgrade; {@code server.ws.queryToken}).
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CastAnvilTest {
  private static final String IDENTITY = "0x0000000000000000000000000000000000000004";
  private AnvilStack stack;
  private String contract;
  private String token;

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    stack = AnvilStack.start(vertx, c -> TestConfigs.withWs(c, queryToken(c.server().ws())));
    // eth_sendTransactionSync answers with the receipt once mined: no waiting on our side
    contract = Wire.json(Wire.post(stack.anvil().http(), Wire.call(1, "eth_sendTransactionSync",
        "[{\"from\":\"" + Anvil.ACCOUNT0 + "\",\"data\":\"" + EventContract.creationCode() + "\"}]")))
        .get("result").get("contractAddress").asText();
    token = stack.token("rpc://");
  }

  private static Config.Ws queryToken(Config.Ws ws) {
    return new Config.Ws(true, ws.allowedOrigins(), ws.maxMessageBytes(), ws.maxConnections(),
        ws.maxConnectionsPerTenant(), ws.idleTimeout());
  }

  @AfterAll
  void stop() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  private String cast(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(NodeTools.cast().toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("cast did not finish: " + command);
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), out);
    return out.trim();
  }

  private String[] through(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--rpc-url", stack.proxy().url().toString(), "--rpc-headers", "Authorization: Bearer " + token));
    return all.toArray(String[]::new);
  }

  @Test
  void castSendUsesTheFeeMarketThroughScopegate() throws Exception {
    String out = cast(through("send", "--private-key", Anvil.KEY1, contract, "ping(uint256)", "5", "--json"));
    JsonNode receipt = dev.scopegate.jsonrpc.Json.MAPPER.readTree(out);
    assertEquals("0x1", receipt.get("status").asText());
    assertEquals("0x2", receipt.get("type").asText(), "a type-2 transaction, no --legacy needed");
    JsonNode logs = Wire.json(Wire.post(stack.anvil().http(), Wire.call(3, "eth_getLogs",
        "[{\"address\":\"" + contract + "\",\"blockHash\":\"" + receipt.get("blockHash").asText() + "\"}]"))).get("result");
    assertEquals(String.format("0x%064x", 5), logs.get(0).get("data").asText());
  }

  @Test
  void castCallAnswersAsTheNodeDoes() throws Exception {
    String[] call = {"call", IDENTITY, "f(uint256)", "42"};
    String direct = cast(concat(call, "--rpc-url", stack.anvil().http().toString()));
    String throughScopegate = cast(through(call));
    assertTrue(direct.contains("2a"), direct);
    assertEquals(direct, throughScopegate);
  }

  @Test
  void castOverWebSocketWithTheTokenInTheUrl() throws Exception {
    String ws = stack.proxy().url().toString().replace("http://", "ws://") + "?access_token=" + token;
    String head = cast("block-number", "--rpc-url", ws);
    String direct = cast("block-number", "--rpc-url", stack.anvil().http().toString());
    assertEquals(direct, head);
  }

  private static String[] concat(String[] a, String... b) {
    List<String> all = new ArrayList<>(List.of(a));
    all.addAll(List.of(b));
    return all.toArray(String[]::new);
  }
}
