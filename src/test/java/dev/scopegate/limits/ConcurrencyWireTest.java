package dev.scopegate.limits;

import static dev.scopegate.limits.LimitsWireTest.CHAIN_ID;
import static dev.scopegate.limits.LimitsWireTest.assertLimited;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopegate.config.Config;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Calls in flight per tenant: a slow call holds a slot; every way a call ends gives it back. */
@ExtendWith(VertxExtension.class)
class ConcurrencyWireTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private Stack stack;

  @AfterEach
  void stop() throws Exception {
    stack.close();
  }

  private CompletableFuture<HttpResponse<String>> inBackground(String token) {
    return CLIENT.sendAsync(HttpRequest.newBuilder(stack.proxy().url())
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(CHAIN_ID)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aSlowCallHoldsTheSlotUntilItIsAnsweredAndOtherTenantsAreNotRefused(Vertx vertx) throws Exception {
    stack = Stack.start(vertx, new LocalBucketStore(), c -> c.withLimits(
        Config.Limits.OFF.withTenant(new LimitSet(0, 0, 1, 0))));
    String a = stack.tokenFor("tenant-a", "rpc://eth_*");
    String b = stack.tokenFor("tenant-b", "rpc://eth_*");
    stack.node().resetRequestCounts();
    stack.node().responseDelay(Duration.ofSeconds(2));
    CompletableFuture<HttpResponse<String>> slow = inBackground(a);
    stack.node().received("eth_chainId", 1).await(10, TimeUnit.SECONDS);

    HttpResponse<String> refused = stack.proxy().tenant(a, CHAIN_ID);
    assertEquals(429, refused.statusCode(), refused.body());
    assertLimited(Wire.json(refused), "concurrent");
    assertEquals("1", refused.headers().firstValue("Retry-After").orElseThrow());
    assertEquals(1, stack.node().requestCount("eth_chainId"), "the refused call never reached the node");
    String scrape = Wire.send(HttpRequest.newBuilder(java.net.URI.create(
        "http://127.0.0.1:" + stack.proxy().scopegate().metricsPort() + "/metrics")).build()).body();
    org.junit.jupiter.api.Assertions.assertTrue(scrape.contains("scopegate_limit_in_flight{tenant=\"tenant-a\"} 1.0"),
        scrape.lines().filter(l -> l.contains("limit_")).toList().toString());

    CompletableFuture<HttpResponse<String>> other = inBackground(b);
    stack.node().received("eth_chainId", 2).await(10, TimeUnit.SECONDS);
    assertEquals(200, other.get(20, TimeUnit.SECONDS).statusCode(), "B has its own slot");

    assertEquals(200, slow.get(20, TimeUnit.SECONDS).statusCode());
    stack.node().responseDelay(Duration.ZERO);
    assertEquals(200, stack.proxy().tenant(a, CHAIN_ID).statusCode(), "the slot came back with the answer");
  }

  @Test
  void theSlotComesBackAfterTheNodeTimedOut(Vertx vertx) throws Exception {
    stack = Stack.start(vertx, new LocalBucketStore(), c -> TestConfigs.withTimeout(c, Duration.ofMillis(300))
        .withLimits(Config.Limits.OFF.withTenant(new LimitSet(0, 0, 1, 0))));
    String a = stack.tokenFor("tenant-a", "rpc://eth_*");
    stack.node().responseDelay(Duration.ofSeconds(3));
    HttpResponse<String> timedOut = stack.proxy().tenant(a, CHAIN_ID);
    assertEquals(504, timedOut.statusCode(), timedOut.body());
    stack.node().responseDelay(Duration.ZERO);
    HttpResponse<String> next = stack.proxy().tenant(a, CHAIN_ID);
    assertEquals(200, next.statusCode(), "the slot came back after the timeout: " + next.body());
    assertEquals("0x539", Wire.json(next).path("result").asText());
  }

  @Test
  void theSlotComesBackWhenTheClientIsGoneAndAfterRefusalsAndErrors(Vertx vertx) throws Exception {
    stack = Stack.start(vertx, new LocalBucketStore(), c -> c.withLimits(
        Config.Limits.OFF.withTenant(new LimitSet(0, 0, 1, 0))));
    String a = stack.tokenFor("tenant-a", "rpc://eth_*");
    stack.node().resetRequestCounts();
    // refused by the policy, failed at the node: each ends, each gives its slot back
    assertEquals(-32001, Wire.json(stack.proxy().tenant(a, Wire.call(1, "admin_peers", "[]")))
        .path("error").path("code").asInt());
    assertEquals(200, stack.proxy().tenant(a, Wire.call(2, "eth_getBalance", "[\"0xzz\",\"latest\"]")).statusCode());
    // a batch of two with one slot: one answered, one refused, and the slot back after
    String batch = "[" + Wire.call(3, "eth_chainId", "[]") + "," + Wire.call(4, "eth_chainId", "[]") + "]";
    var answers = Wire.json(stack.proxy().tenant(a, batch));
    assertEquals("0x539", answers.get(0).path("result").asText());
    assertLimited(answers.get(1), "concurrent");

    stack.node().responseDelay(Duration.ofSeconds(1));
    CompletableFuture<HttpResponse<String>> abandoned = inBackground(a);
    stack.node().received("eth_chainId", 2).await(10, TimeUnit.SECONDS);
    abandoned.cancel(true); // the client goes away; the node still answers, and then the slot is free
    stack.node().responseDelay(Duration.ZERO);
    awaitSlotFree(a);
  }

  /**
   * Retries until the tenant's slot is free (the abandoned call answered by the node), each try
   * after another tenant's round trip through the same proxy, never a sleep.
   */
  private void awaitSlotFree(String token) throws Exception {
    String other = stack.tokenFor("tenant-b", "rpc://eth_*");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (stack.proxy().tenant(token, CHAIN_ID).statusCode() != 200) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the slot never came back");
      }
      assertEquals(200, stack.proxy().tenant(other, CHAIN_ID).statusCode());
    }
  }
}
