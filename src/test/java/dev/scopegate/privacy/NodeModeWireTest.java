package dev.scopegate.privacy;

import dev.scopegate.mode.NodeMode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.auth.TokenMinter;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.testing.Proxy;
import dev.scopegate.testing.ScriptedNode;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Public mode is chosen only by the node's definite "method not found" for GoQuorum's privacy
 * methods, and then a tenant's read is exactly one forward, as sent. A node that fails, is slow or
 * answers anything else never makes Scopegate public: tenants' private-state reads fail closed.
 */
@ExtendWith(VertxExtension.class)
class NodeModeWireTest {
  private static final String ACCOUNT = "0x1111111111111111111111111111111111111111";
  private static final String NOT_FOUND = "{\"code\":-32601,\"message\":\"Method not found\"}";
  private static final String NOT_PRIVATE =
      "{\"code\":-32000,\"message\":\"The provided address is not a private contract: 0x0000000000000000000000000000000000000000\"}";

  private ScriptedNode node;
  private Proxy proxy;
  private TokenMinter minter;
  @TempDir Path dir;

  @BeforeEach
  void node(Vertx vertx) throws Exception {
    node = ScriptedNode.start(vertx);
    minter = TokenMinter.generate();
    minter.writePublicKeyPem(dir.resolve("issuer.pem"));
  }

  @AfterEach
  void stop() throws Exception {
    if (proxy != null) {
      proxy.close();
    }
    node.close().await();
  }

  /** Answers every call with its method name as result, but GoQuorum's privacy methods as given. */
  private void answering(Optional<String> metadataError, Optional<String> payloadError) {
    node.answer((request, body) -> {
      JsonNode root = Json.MAPPER.readTree(body.getBytes());
      ArrayNode answers = Json.MAPPER.createArrayNode();
      for (JsonNode call : root.isArray() ? root : Json.MAPPER.createArrayNode().add(root)) {
        ObjectNode answer = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0");
        answer.set("id", call.get("id"));
        String method = call.path("method").asText();
        // GoQuorum before 21.4.2 has no eth_getPSI, like a node without private state: the mode
        // probe then asks the privacy methods (ModeProbe)
        Optional<String> error = method.equals("eth_getContractPrivacyMetadata") ? metadataError
            : method.equals("eth_getQuorumPayload") ? payloadError
            : method.equals("eth_getPSI") ? Optional.of(NOT_FOUND) : Optional.empty();
        if (error.isPresent()) {
          answer.set("error", Json.MAPPER.readTree(error.get()));
        } else {
          answer.set("result", method.equals("eth_blockNumber") ? Json.MAPPER.getNodeFactory().textNode("0x10")
              : call.get("method"));
        }
        answers.add(answer);
      }
      request.response().putHeader("Content-Type", "application/json")
          .end(Buffer.buffer(Json.MAPPER.writeValueAsBytes(root.isArray() ? answers : answers.get(0))));
    });
  }

  private Proxy start(Vertx vertx, Duration timeout) throws Exception {
    proxy = Proxy.start(vertx, TestConfigs.withTimeout(
        TestConfigs.config(node.url(), TestConfigs.jwt(Optional.of(dir.resolve("issuer.pem")), Optional.empty())), timeout));
    return proxy;
  }

  private JsonNode tenantBalance() {
    String token = minter.mint("tenant", List.of("rpc://"), Duration.ofMinutes(5), Map.of());
    return Wire.json(proxy.tenant(token, Wire.call(5, "eth_getBalance", "[\"" + ACCOUNT + "\",\"latest\"]")));
  }

  @Test
  void methodNotFoundForBothPrivacyMethodsIsPublicModeAndAReadIsOneForward(Vertx vertx) throws Exception {
    answering(Optional.of(NOT_FOUND), Optional.of(NOT_FOUND));
    start(vertx, Duration.ofSeconds(10));
    assertEquals(Optional.of(NodeMode.PUBLIC), proxy.scopegate().privacy().mode());
    node.received().clear();

    JsonNode answer = tenantBalance();

    assertEquals("eth_getBalance", answer.path("result").asText(), answer.toString());
    List<ScriptedNode.Received> forwarded = new ArrayList<>();
    node.received().drainTo(forwarded);
    assertEquals(1, forwarded.size(), "one request to the node: " + forwarded);
    JsonNode call = Json.MAPPER.readTree(forwarded.get(0).body());
    assertEquals("eth_getBalance", call.path("method").asText(), call.toString());
    assertEquals("latest", call.path("params").path(1).asText(), "forwarded as sent, not pinned");
  }

  @Test
  void aNodeServingThePrivacyMethodsIsNeverPublic(Vertx vertx) throws Exception {
    answering(Optional.of(NOT_PRIVATE), Optional.empty());
    start(vertx, Duration.ofSeconds(10));
    assertEquals(Optional.of(NodeMode.SINGLE), proxy.scopegate().privacy().mode());
  }

  @Test
  void aProxyHidingOnlyTheMetadataMethodDoesNotMakeGoQuorumPublic(Vertx vertx) throws Exception {
    answering(Optional.of(NOT_FOUND), Optional.empty());
    start(vertx, Duration.ofSeconds(10));
    assertEquals(Optional.of(NodeMode.SINGLE), proxy.scopegate().privacy().mode());
  }

  @Test
  void aFailingNodeLeavesTheModeUndetectedAndTenantReadsFailClosed(Vertx vertx) throws Exception {
    answering(Optional.of(NOT_FOUND), Optional.of(NOT_FOUND));
    ScriptedNode.Script publicNode = node.script();
    node.answer((request, body) -> {
      if (body.toString().contains("eth_getContractPrivacyMetadata")) {
        request.response().setStatusCode(500).end("down"); // the node's privacy answer never arrives
      } else {
        publicNode.answer(request, body);
      }
    });
    start(vertx, Duration.ofSeconds(10));
    assertEquals(Optional.empty(), proxy.scopegate().privacy().mode());

    JsonNode answer = tenantBalance();

    assertEquals(-32000, answer.path("error").path("code").asInt(), answer.toString());
    assertTrue(answer.path("error").path("message").asText().contains("retry"), answer.toString());
  }

  @Test
  void aSlowNodeLeavesTheModeUndetected(Vertx vertx) throws Exception {
    node.answer((request, body) -> { }); // never answers
    start(vertx, Duration.ofMillis(300));
    assertEquals(Optional.empty(), proxy.scopegate().privacy().mode());
    JsonNode answer = tenantBalance();
    assertTrue(answer.has("error"), answer.toString());
    assertTrue(!answer.toString().contains("\"result\""), answer.toString());
  }
}
