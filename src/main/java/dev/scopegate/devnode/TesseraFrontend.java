package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.jsonrpc.Json;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tessera's Q2T reads, as a node or Scopegate calls them: {@code GET /upcheck}, {@code GET /keys}
 * and {@code GET /transaction/{hash}} (the 2.1 media type gets the parties, any other the legacy
 * payload only); and the third-party {@code POST /storeraw} a client calls before signing a private
 * transaction itself. While unavailable, everything is 503.
 */
final class TesseraFrontend implements Handler<HttpServerRequest> {
  static final String MEDIA_2_1 = "application/vnd.tessera-2.1+json";
  private static final String TRANSACTION = "/transaction/";

  private final TesseraStore store;
  private final AtomicBoolean available;
  private final AtomicLong requests;

  TesseraFrontend(TesseraStore store, AtomicBoolean available, AtomicLong requests) {
    this.store = store;
    this.available = available;
    this.requests = requests;
  }

  @Override
  public void handle(HttpServerRequest request) {
    requests.incrementAndGet();
    HttpServerResponse response = request.response();
    if (!available.get()) {
      text(response, 503, "Tessera is unavailable");
    } else if (request.method() == HttpMethod.POST && request.path().equals("/storeraw")) {
      request.body().onSuccess(body -> storeRaw(response, body));
    } else if (request.method() != HttpMethod.GET) {
      text(response, 405, "Method Not Allowed");
    } else if (request.path().equals("/upcheck")) {
      text(response, 200, "I'm up!");
    } else if (request.path().equals("/keys")) {
      json(response, "application/json", keys());
    } else if (request.path().startsWith(TRANSACTION)) {
      transaction(request, request.path().substring(TRANSACTION.length()));
    } else {
      text(response, 404, "Not Found");
    }
  }

  /** {@code ?isRaw=true} reads the raw store too (Tessera's Q2T {@code receive}, as GoQuorum asks). */
  private void transaction(HttpServerRequest request, String encodedHash) {
    String query = request.query();
    boolean raw = query != null && java.util.Arrays.asList(query.split("&")).contains("isRaw=true");
    Optional<PayloadRecord> found =
        decode(encodedHash).flatMap(hash -> raw ? store.findRaw(hash) : store.find(hash));
    if (found.isEmpty()) {
      text(request.response(), 404, "Message with hash " + encodedHash + " was not found");
      return;
    }
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    if (accept != null && accept.contains(MEDIA_2_1)) {
      json(request.response(), MEDIA_2_1, receive21(found.get()));
    } else {
      ObjectNode legacy = Json.MAPPER.createObjectNode();
      legacy.put("payload", Base64.getEncoder().encodeToString(found.get().payload()));
      json(request.response(), "application/json", legacy);
    }
  }

  /** {@code {"payload": base64, "from": key}} in, {@code {"key": base64 hash}} out. */
  private void storeRaw(HttpServerResponse response, Buffer body) {
    byte[] payload;
    String from;
    try {
      JsonNode request = Json.read(body.getBytes());
      payload = Base64.getDecoder().decode(request.path("payload").asText(""));
      from = request.hasNonNull("from") ? request.get("from").asText() : store.keys().get(0);
    } catch (IOException | IllegalArgumentException e) {
      text(response, 400, "Invalid request body");
      return;
    }
    if (!store.manages(from)) {
      text(response, 404, "Key not found: " + from);
      return;
    }
    ObjectNode key = Json.MAPPER.createObjectNode();
    key.put("key", store.storeRaw(payload, from).base64());
    json(response, "application/json", key);
  }

  private ObjectNode receive21(PayloadRecord record) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("payload", Base64.getEncoder().encodeToString(record.payload()))
        .put("privacyFlag", record.privacyFlag());
    json.putArray("affectedContractTransactions");
    json.put("execHash", "");
    ArrayNode managed = json.putArray("managedParties");
    store.managedParties(record).forEach(managed::add);
    return json.put("senderKey", record.senderKey());
  }

  private ObjectNode keys() {
    ObjectNode json = Json.MAPPER.createObjectNode();
    ArrayNode keys = json.putArray("keys");
    store.keys().forEach(key -> keys.addObject().put("key", key));
    return json;
  }

  /** Percent-decoding of a path segment: a literal {@code +} stays a plus, as in Jersey. */
  private static Optional<PayloadHash> decode(String encoded) {
    try {
      String base64 = URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
      return Optional.of(PayloadHash.ofBase64(base64));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void json(HttpServerResponse response, String type, ObjectNode body) {
    response.putHeader(HttpHeaders.CONTENT_TYPE, type).end(Json.buffer(body));
  }

  private static void text(HttpServerResponse response, int status, String body) {
    response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end(body);
  }
}
