package dev.scopegate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.jsonrpc.Json;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A stand-in node whose answer each test scripts: an echo, garbage, an HTTP error, silence, a
 * dropped connection. Records what it received (headers and body) so tests can see exactly what
 * was forwarded.
 */
public final class ScriptedNode {
  public record Received(MultiMap headers, String body, String uri) {}

  @FunctionalInterface
  public interface Script {
    void answer(HttpServerRequest request, Buffer body) throws IOException;
  }

  private final HttpServer server;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private volatile Script script = (r, b) -> r.response().end("{}");

  private ScriptedNode(Vertx vertx) {
    this.server = vertx.createHttpServer();
  }

  public static ScriptedNode start(Vertx vertx) throws Exception {
    ScriptedNode node = new ScriptedNode(vertx);
    node.server.requestHandler(node::handle).listen(0, "127.0.0.1").await();
    return node;
  }

  private void handle(HttpServerRequest request) {
    request
        .body()
        .onSuccess(
            body -> {
              received.add(new Received(request.headers(), body.toString(), request.uri()));
              try {
                script.answer(request, body);
              } catch (IOException e) {
                request.response().setStatusCode(400).end();
              }
            });
  }

  /** The script answering now (to wrap it). */
  public Script script() {
    return script;
  }

  public void answer(Script script) {
    this.script = script;
  }

  /** Answers every request with this body, status 200, JSON. */
  public void answer(String body) {
    answer((r, b) -> r.response().putHeader("Content-Type", "application/json").end(body));
  }

  /**
   * Answers like a node that knows every method: each call's result is its method name, so a
   * test sees which calls were forwarded and that answers find their way back.
   */
  public void echo() {
    answer(
        (request, body) -> {
          JsonNode root = Json.MAPPER.readTree(body.getBytes());
          String psi = Optional.ofNullable(request.getHeader("Quorum-PSI")).orElse("private");
          ArrayNode answers = Json.MAPPER.createArrayNode();
          if (root.isArray()) {
            root.forEach(call -> echoOne(call, answers, psi));
          } else {
            echoOne(root, answers, psi);
          }
          Buffer out =
              root.isArray()
                  ? Json.buffer(answers)
                  : answers.isEmpty() ? Buffer.buffer() : Json.buffer(answers.get(0));
          request.response().putHeader("Content-Type", "application/json").end(out);
        });
  }

  private static void echoOne(JsonNode call, ArrayNode into, String psi) {
    if (call.has("id")) {
      ObjectNode answer = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0");
      answer.set("id", call.get("id"));
      // Scopegate asks this at start; a node with one private state names the PSI it was sent
      // ("private" when none), GoQuorum core/default_psm.go ResolveForUserContext.
      boolean getPsi = call.path("method").asText().equals("eth_getPSI");
      answer.set("result", getPsi ? Json.MAPPER.getNodeFactory().textNode(psi) : call.get("method"));
      into.add(answer);
    }
  }

  public BlockingQueue<Received> received() {
    return received;
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.actualPort() + "/");
  }

  public Future<Void> close() {
    return server.close();
  }
}
