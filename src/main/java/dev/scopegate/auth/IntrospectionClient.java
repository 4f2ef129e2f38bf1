package dev.scopegate.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.config.Config;
import dev.scopegate.jsonrpc.Json;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Asks an RFC 7662 introspection endpoint about a token, authenticated as a client with
 * {@code client_secret_basic} (RFC 6749 §2.3.1: id and secret form-encoded, then Basic) or
 * {@code client_secret_post}. Answers the response object; fails on anything but a 200 JSON object.
 */
final class IntrospectionClient {
  private static final long TIMEOUT_MS = 10_000;

  private final WebClient client;
  private final Supplier<Future<URI>> endpoint;
  private final Config.Introspection config;

  IntrospectionClient(Vertx vertx, Supplier<Future<URI>> endpoint, Config.Introspection config) {
    this.client = WebClient.create(vertx,
        new WebClientOptions().setConnectTimeout((int) TIMEOUT_MS).setUserAgent("scopegate"));
    this.endpoint = endpoint;
    this.config = config;
  }

  Future<JsonNode> introspect(String token) {
    return endpoint.get().compose(url -> {
      MultiMap form = MultiMap.caseInsensitiveMultiMap()
          .add("token", token)
          .add("token_type_hint", "access_token");
      HttpRequest<Buffer> request = client.postAbs(url.toString()).timeout(TIMEOUT_MS)
          .putHeader("Accept", "application/json");
      if (config.clientAuth().equals("client_secret_post")) {
        form.add("client_id", config.clientId()).add("client_secret", config.clientSecret());
      } else {
        request.putHeader("Authorization", basic());
      }
      return request.sendForm(form).compose(response -> {
        if (response.statusCode() != 200) {
          return Future.failedFuture("introspection endpoint answered HTTP " + response.statusCode());
        }
        try {
          JsonNode answer = Json.read(response.bodyAsBuffer().getBytes());
          return answer != null && answer.isObject()
              ? Future.succeededFuture(answer)
              : Future.failedFuture("introspection answer is not a JSON object");
        } catch (IOException | RuntimeException e) {
          return Future.failedFuture("introspection answer is not JSON");
        }
      });
    });
  }

  void close() {
    client.close();
  }

  private String basic() {
    String pair = form(config.clientId()) + ":" + form(config.clientSecret());
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static String form(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
