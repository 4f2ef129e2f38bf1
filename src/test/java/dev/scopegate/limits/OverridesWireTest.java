package dev.scopegate.limits;

import static dev.scopegate.limits.LimitsWireTest.CHAIN_ID;
import static dev.scopegate.limits.LimitsWireTest.assertLimited;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.config.Config;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tenant's own limits, from the tenant registry and from the token's {@code limits} claim: each
 * replaces the configured default, the stricter of the two wins, a claim that is not a valid
 * limits object refuses the token. Also: costs, which make some methods dearer than others.
 */
@ExtendWith(VertxExtension.class)
class OverridesWireTest {
  /** Configured default: 4 calls per second. */
  private static final LimitSet DEFAULTS = new LimitSet(4, 0, 0, 0);

  @TempDir Path dir;
  private Stack stack;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    Path registry = dir.resolve("tenants.yaml");
    Files.writeString(registry, """
        tenants:
          acme:
            scopes: "rpc://eth_*"
            limits: { requestsPerSecond: 2 }
          roomy:
            scopes: "rpc://eth_*"
            limits: { requestsPerSecond: 6 }
        """);
    stack = Stack.start(vertx, new LocalBucketStore(() -> 0L), c -> withRegistry(c, registry)
        .withLimits(Config.Limits.OFF.withTenant(DEFAULTS)));
  }

  private static Config withRegistry(Config c, Path registry) {
    return new Config(c.upstream(), c.server(), c.ipc(), c.privacy(),
        new Config.Auth(c.auth().apiKey(), c.auth().jwt(), c.auth().introspection(), Optional.of(registry)),
        c.metrics(), c.log(), c.lifecycle(), c.tracing(), c.limits());
  }

  @AfterEach
  void stop() throws Exception {
    stack.close();
  }

  private String token(String subject, Map<String, ?> claims) {
    return stack.minter().mint(subject, List.of("rpc://eth_*"), Duration.ofMinutes(5), claims);
  }

  /** How many calls in a row pass before the first refusal (the clock never moves). */
  private int passing(String token) {
    for (int n = 0; n < 20; n++) {
      HttpResponse<String> r = stack.proxy().tenant(token, CHAIN_ID);
      if (r.statusCode() != 200) {
        assertEquals(429, r.statusCode(), r.body());
        assertLimited(Wire.json(r), "requestsPerSecond");
        return n;
      }
    }
    return 20;
  }

  @Test
  void theDefaultAppliesToATenantWithoutItsOwnLimits() {
    assertEquals(4, passing(token("plain", Map.of())));
  }

  @Test
  void theRegistryReplacesTheDefaultEitherWay() {
    assertEquals(2, passing(token("acme", Map.of())));
    assertEquals(6, passing(token("roomy", Map.of())));
  }

  @Test
  void theClaimReplacesTheDefault() {
    assertEquals(3, passing(token("plain", Map.of("limits", Map.of("requestsPerSecond", 3)))));
  }

  @Test
  void betweenRegistryAndClaimTheStricterWins() {
    assertEquals(1, passing(token("acme", Map.of("limits", Map.of("requestsPerSecond", 1)))),
        "claim stricter than the registry");
  }

  @Test
  void aClaimCannotLoosenWhatTheRegistrySets() {
    assertEquals(2, passing(token("acme", Map.of("limits", Map.of("requestsPerSecond", 50)))));
  }

  @Test
  void offInTheClaimIsNotStricterThanTheRegistry() {
    assertEquals(2, passing(token("acme", Map.of("limits", Map.of("requestsPerSecond", 0)))),
        "0 (off) in the claim is not stricter than the registry's 2");
  }

  @Test
  void theRegistryAppliesToApiKeyCallersActingAsTheTenant() {
    for (int i = 0; i < 2; i++) {
      assertEquals(200, stack.proxy().post(CHAIN_ID, "X-API-Key", TestConfigs.API_KEY, "X-Tenant-ID", "acme").statusCode());
    }
    HttpResponse<String> refused = stack.proxy().post(CHAIN_ID, "X-API-Key", TestConfigs.API_KEY, "X-Tenant-ID", "acme");
    assertEquals(429, refused.statusCode());
    assertEquals(429, stack.proxy().tenant(token("acme", Map.of()), CHAIN_ID).statusCode(),
        "the token holder of the same tenant shares the budget");
  }

  @Test
  void aClaimThatIsNotAValidLimitsObjectRefusesTheTokenNeverUnlimited() {
    List<Object> garbage = List.of(
        "lots", 5, List.of(1), Map.of("requestsPerSecond", "10"), Map.of("requestsPerSecond", -1),
        Map.of("requestsPerSecond", 1.5), Map.of("requestsPerSecond", 10_000_000_000L),
        Map.of("requestPerSecond", 1), Map.of("maxLogsBlockRange", 1));
    for (Object claim : garbage) {
      HttpResponse<String> refused = stack.proxy().tenant(token("plain", Map.of("limits", claim)), CHAIN_ID);
      assertEquals(401, refused.statusCode(), claim + " → " + refused.body());
      JsonNode error = Wire.json(refused).path("error");
      assertEquals("invalid access token", error.path("message").asText());
      assertTrue(error.path("data").asText().startsWith("limits claim: "), claim + " → " + error);
    }
  }

  @Test
  void costsMakeSomeMethodsDearer(Vertx vertx) throws Exception {
    stack.close();
    stack = Stack.start(vertx, new LocalBucketStore(() -> 0L),
        c -> c.withLimits(Config.Limits.OFF.withTenant(new LimitSet(0, 0, 0, 30))));
    String cheap = stack.tokenFor("cheap", "rpc://eth_*");
    for (int i = 0; i < 30; i++) {
      assertEquals(200, stack.proxy().tenant(cheap, CHAIN_ID).statusCode(), "eth_chainId costs 1: call " + i);
    }
    HttpResponse<String> spent = stack.proxy().tenant(cheap, CHAIN_ID);
    assertEquals(429, spent.statusCode());
    assertLimited(Wire.json(spent), "costPerSecond");

    String logs = stack.tokenFor("logs", "rpc://eth_*");
    String query = Wire.call(1, "eth_getLogs", "[{\"fromBlock\":\"0x0\",\"toBlock\":\"0x0\"}]");
    assertTrue(Wire.json(stack.proxy().tenant(logs, query)).has("result"), "eth_getLogs costs 20 + 1 for its block");
    assertEquals(200, stack.proxy().tenant(logs, CHAIN_ID).statusCode());
    HttpResponse<String> second = stack.proxy().tenant(logs, query);
    assertEquals(429, second.statusCode(), "8 left, a logs query needs 21: " + second.body());
    assertLimited(Wire.json(second), "costPerSecond");
    for (int i = 0; i < 8; i++) {
      assertEquals(200, stack.proxy().tenant(logs, CHAIN_ID).statusCode(), "what is left still buys cheap calls");
    }
  }
  /** The costs read from the policy table's cost column: eth_call 10, debug_traceTransaction 50. */
  @Test
  void costsComeFromThePolicyTable(Vertx vertx) throws Exception {
    stack.close();
    stack = Stack.start(vertx, new LocalBucketStore(() -> 0L),
        c -> c.withLimits(Config.Limits.OFF.withTenant(new LimitSet(0, 0, 0, 60))));
    String call = Wire.call(1, "eth_call",
        "[{\"to\":\"0x00000000000000000000000000000000000000aa\",\"data\":\"0x\"},\"latest\"]");
    String blockNumber = Wire.call(2, "eth_blockNumber", "[]");

    // six calls spend 60 exactly (each at most 10), and nothing is left (each at least 10)
    String calls = stack.tokenFor("calls", "rpc://eth_*");
    for (int i = 0; i < 6; i++) {
      assertNotLimited(stack.proxy().tenant(calls, call), "eth_call " + i);
    }
    HttpResponse<String> afterCalls = stack.proxy().tenant(calls, blockNumber);
    assertEquals(429, afterCalls.statusCode(), "six eth_calls cost 60: " + afterCalls.body());
    assertLimited(Wire.json(afterCalls), "costPerSecond");

    // a trace and a call spend 60 exactly: the trace costs 50
    String traces = stack.tokenFor("traces", "rpc://eth_*", "rpc://debug_*");
    String trace = Wire.call(3, "debug_traceTransaction", "[\"0x" + "11".repeat(32) + "\"]");
    assertNotLimited(stack.proxy().tenant(traces, trace), "debug_traceTransaction");
    assertNotLimited(stack.proxy().tenant(traces, call), "eth_call after a trace");
    HttpResponse<String> afterTrace = stack.proxy().tenant(traces, blockNumber);
    assertEquals(429, afterTrace.statusCode(), "a trace and a call cost 60: " + afterTrace.body());
    assertLimited(Wire.json(afterTrace), "costPerSecond");
  }

  private static void assertNotLimited(HttpResponse<String> answer, String what) {
    assertTrue(answer.statusCode() != 429 && Wire.json(answer).path("error").path("code").asInt() != -32005,
        what + " within the budget: " + answer.body());
  }
}
