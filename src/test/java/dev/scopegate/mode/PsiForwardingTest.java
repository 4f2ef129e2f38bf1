package dev.scopegate.mode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.Scopegate;
import dev.scopegate.auth.TokenMinter;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.testing.ScriptedNode;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What reaches the node: the routed PSI once in the {@code Quorum-PSI} header and once as the
 * {@code PSI} query parameter, whatever PSI the client sent (header, query, repeated) and
 * whatever {@code PSI} parameter was left in {@code upstream.http}; nothing of a PSI when a call
 * is not routed to one. The node is scripted as an MPS node: it refuses the start-up probe.
 */
@ExtendWith(VertxExtension.class)
class PsiForwardingTest {
  private ScriptedNode node;
  private Scopegate proxy;
  private TokenMinter minter;
  private Path dir;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    node = ScriptedNode.start(vertx);
    node.answer((request, body) -> {
      JsonNode call = Json.MAPPER.readTree(body.getBytes());
      String psi = Optional.ofNullable(request.getHeader("Quorum-PSI")).orElse("private");
      ObjectNode answer = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0");
      answer.set("id", call.get("id"));
      if (psi.startsWith("scopegate-probe-")) {
        // GoQuorum core/multiple_psm.go ResolveForUserContext for an unknown PSI
        answer.putObject("error").put("code", -32000).put("message", "unable to find private state for context psi " + psi);
      } else {
        answer.put("result", psi);
      }
      request.response().putHeader("Content-Type", "application/json").end(Json.buffer(call.isArray()
          ? Json.MAPPER.createArrayNode().add(answer) : answer));
    });
    minter = TokenMinter.generate();
    dir = Files.createTempDirectory("sg-psi-fwd");
    minter.writePublicKeyPem(dir.resolve("issuer.pem"));
    URI upstream = URI.create(node.url() + "?PSI=stale&keep=1");
    proxy = Scopegate.start(vertx, TestConfigs.config(upstream,
        TestConfigs.jwt(Optional.of(dir.resolve("issuer.pem")), Optional.empty()))).await(10, TimeUnit.SECONDS);
    node.received().clear();
  }

  @AfterEach
  void stop() throws Exception {
    proxy.stop().await(10, TimeUnit.SECONDS);
    node.close().await(5, TimeUnit.SECONDS);
  }

  private URI url(String query) {
    return URI.create("http://127.0.0.1:" + proxy.httpPort() + "/" + query);
  }

  private ScriptedNode.Received forwarded() throws InterruptedException {
    ScriptedNode.Received r = node.received().poll(5, TimeUnit.SECONDS);
    assertTrue(r != null, "forwarded");
    return r;
  }

  @Test
  void theRoutedPsiReplacesWhateverTheClientSent() throws Exception {
    assertEquals(Optional.of(NodeMode.MPS), proxy.modes().current());
    String token = minter.mint("t", List.of("rpc://eth_*", "psi://PS1?node.eoa=0x0", "psi://PS2?node.eoa=0x0"),
        Duration.ofMinutes(5), Map.of());
    var answer = Wire.post(url("?PSI=PS2&PSI=evil"), Wire.call(1, "eth_getPSI", "[]"),
        "Authorization", "Bearer " + token, "Quorum-PSI", "PS1");
    assertEquals("PS1", Wire.json(answer).get("result").asText(), answer.body());
    ScriptedNode.Received r = forwarded();
    assertEquals(List.of("PS1"), r.headers().getAll("Quorum-PSI"));
    assertTrue(r.uri().contains("keep=1"), r.uri());
    assertEquals(1, r.uri().split("PSI=", -1).length - 1, r.uri());
    assertTrue(r.uri().contains("PSI=PS1"), r.uri());
    assertFalse(r.uri().contains("stale") || r.uri().contains("evil") || r.uri().contains("PS2"), r.uri());
  }

  @Test
  void anUnroutedOperatorCallNamesNoPsi() throws Exception {
    var answer = Wire.post(url("?PSI=PS2"), Wire.call(1, "eth_getPSI", "[]"), "X-API-Key", TestConfigs.API_KEY);
    assertEquals("PS2", Wire.json(answer).get("result").asText(), answer.body());
    node.received().clear();
    Wire.post(url(""), Wire.call(1, "eth_getPSI", "[]"), "X-API-Key", TestConfigs.API_KEY);
    ScriptedNode.Received r = forwarded();
    assertEquals(List.of(), r.headers().getAll("Quorum-PSI"));
    assertFalse(r.uri().contains("PSI="), r.uri());
  }
}
