package dev.scopegate.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.jsonrpc.Json;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An RFC 7662 introspection endpoint that knows the opaque tokens it was given and requires
 * {@code client_secret_post} credentials; records every request it answered.
 */
final class IntrospectionEndpoint {
  record Asked(String token, String clientId, String clientSecret, String authorization) {}

  private final HttpServer server;
  private final Map<String, ObjectNode> tokens = new ConcurrentHashMap<>();
  private final List<Asked> asked = new CopyOnWriteArrayList<>();

  private IntrospectionEndpoint(Vertx vertx) {
    server = vertx.createHttpServer().requestHandler(this::handle);
  }

  static IntrospectionEndpoint start(Vertx vertx) throws Exception {
    IntrospectionEndpoint endpoint = new IntrospectionEndpoint(vertx);
    endpoint.server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get();
    return endpoint;
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.actualPort() + "/oauth2/introspect");
  }

  /** {@code token} is active with these fields. */
  void active(String token, ObjectNode fields) {
    answer(token, fields.put("active", true));
  }

  /** {@code token} is answered with exactly {@code answer}. */
  void answer(String token, ObjectNode answer) {
    tokens.put(token, answer);
  }

  List<Asked> asked() {
    return List.copyOf(asked);
  }

  Future<Void> close() {
    return server.close();
  }

  private void handle(HttpServerRequest request) {
    request.setExpectMultipart(true);
    request.end().onSuccess(done -> {
      String token = request.getFormAttribute("token");
      Asked a = new Asked(token, request.getFormAttribute("client_id"),
          request.getFormAttribute("client_secret"), request.getHeader("Authorization"));
      asked.add(a);
      if (!"scopegate".equals(a.clientId()) || !"idp-secret".equals(a.clientSecret())) {
        request.response().setStatusCode(401).end("{\"error\":\"invalid_client\"}");
        return;
      }
      ObjectNode answer = tokens.getOrDefault(token, Json.MAPPER.createObjectNode().put("active", false));
      request.response().putHeader("content-type", "application/json").end(answer.toString());
    });
  }
}
