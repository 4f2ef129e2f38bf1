package dev.scopegate.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.Scopegate;
import dev.scopegate.auth.TokenMinter;
import dev.scopegate.testing.ScriptedNode;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node that never answers some calls (here: {@code eth_maxPriorityFeePerGas}) while it answers the rest:
 * the stalled ones fail {@code 504} after {@code upstream.timeout}, another tenant is served
 * meanwhile, and once they have failed their connections are free again — more calls than the
 * node connection pool holds are all answered afterwards.
 */
@ExtendWith(VertxExtension.class)
class SlowNodeTest {
  private static final int POOL = 64; // HttpUpstream's pool size
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private ScriptedNode node;
  private Scopegate proxy;
  private TokenMinter minter;
  private Path dir;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    node = ScriptedNode.start(vertx);
    node.echo();
    ScriptedNode.Script echo = node.script();
    node.answer((request, body) -> {
      if (!body.toString().contains("eth_maxPriorityFeePerGas")) {
        echo.answer(request, body);
      } // else: never answered
    });
    minter = TokenMinter.generate();
    dir = Files.createTempDirectory("slow-node-");
    minter.writePublicKeyPem(dir.resolve("issuer.pem"));
    var config = TestConfigs.withTimeout(TestConfigs.config(node.url(),
        TestConfigs.jwt(Optional.of(dir.resolve("issuer.pem")), Optional.empty())), TIMEOUT);
    proxy = Scopegate.start(vertx, config).await(20, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    proxy.stop().await(20, TimeUnit.SECONDS);
    node.close().await(10, TimeUnit.SECONDS);
    Files.deleteIfExists(dir.resolve("issuer.pem"));
    Files.deleteIfExists(dir);
  }

  private CompletableFuture<HttpResponse<String>> call(String tenant, String body) {
    String token = minter.mint(tenant, List.of("rpc://eth_*"), Duration.ofMinutes(5), Map.of());
    return http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.httpPort() + "/"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String stalledCall(int id) {
    return Wire.call(id, "eth_maxPriorityFeePerGas", "[]");
  }

  @Test
  void stalledCallsTimeOutOthersAreServedAndNothingStaysHeld() throws Exception {
    List<CompletableFuture<HttpResponse<String>>> stalled = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      stalled.add(call("tenant-a", stalledCall(i)));
    }
    HttpResponse<String> other = call("tenant-b", Wire.call(100, "eth_gasPrice", "[]")).get(30, TimeUnit.SECONDS);
    assertEquals(200, other.statusCode(), other.body());
    assertEquals("eth_gasPrice", Wire.json(other).get("result").asText());
    assertTrue(stalled.stream().noneMatch(CompletableFuture::isDone),
        () -> "tenant B was answered while tenant A's calls were still waiting on the node: "
            + stalled.stream().filter(CompletableFuture::isDone).map(f -> f.join().body()).toList());

    for (int i = 0; i < POOL + 16; i++) {
      stalled.add(call("tenant-a", stalledCall(1000 + i)));
    }
    for (CompletableFuture<HttpResponse<String>> each : stalled) {
      HttpResponse<String> timedOut = each.get(60, TimeUnit.SECONDS);
      assertEquals(504, timedOut.statusCode(), timedOut.body());
      assertEquals(-32011, Wire.json(timedOut).get("error").get("code").asInt());
      assertFalse(timedOut.body().contains("result"));
    }

    List<CompletableFuture<HttpResponse<String>>> after = new ArrayList<>();
    for (int i = 0; i < POOL + 16; i++) {
      after.add(call("tenant-b", Wire.call(2000 + i, "eth_gasPrice", "[]")));
    }
    for (CompletableFuture<HttpResponse<String>> each : after) {
      HttpResponse<String> served = each.get(60, TimeUnit.SECONDS);
      assertEquals(200, served.statusCode(), "a pool slot held by a timed-out call would make this wait and fail: "
          + served.body());
      assertEquals("eth_gasPrice", Wire.json(served).get("result").asText());
    }
  }
}
