package dev.scopegate.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.Json;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Tessera's Q2T API, over HTTP or its Unix socket ({@code unix:/path/to/tm.ipc}, as GoQuorum
 * reaches it). Asks who of this Tessera's keys is party to a stored payload.
 */
public final class TesseraClient {
  static final String MEDIA_TYPE = "application/vnd.tessera-2.1+json";

  private final WebClient client;
  private final SocketAddress address;
  private final String host;
  private final int port;
  private final String basePath;
  private final long timeoutMs;

  private TesseraClient(Vertx vertx, SocketAddress address, String host, int port, String basePath, Duration timeout) {
    this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setUserAgent("scopegate"));
    this.address = address;
    this.host = host;
    this.port = port;
    this.basePath = basePath;
    this.timeoutMs = Math.max(1, timeout.toMillis());
  }

  /** From {@code upstream.privacyManager}: an http(s) URL or {@code unix:/path}. */
  public static TesseraClient create(Vertx vertx, String location, Duration timeout) {
    if (location.startsWith("unix:")) {
      String path = location.substring("unix:".length());
      return new TesseraClient(vertx, SocketAddress.domainSocketAddress(path), "localhost", 80, "", timeout);
    }
    URI uri = URI.create(location);
    int port = uri.getPort() > 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
    String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
    return new TesseraClient(
        vertx, SocketAddress.inetSocketAddress(port, uri.getHost()), uri.getHost(), port, path, timeout);
  }

  /**
   * Who is party to the payload with this hash (64 bytes): the managed keys among its sender and
   * recipients ({@link Parties#NONE} when Tessera answers 404: no local key is party). Fails on
   * any other answer: the fact is unknown and must be asked again.
   */
  public Future<Parties> parties(byte[] payloadHash) {
    String encoded =
        URLEncoder.encode(java.util.Base64.getEncoder().encodeToString(payloadHash), StandardCharsets.UTF_8);
    return get("/transaction/" + encoded)
        .putHeader("Accept", MEDIA_TYPE)
        .send()
        .map(TesseraClient::partiesOf);
  }

  /**
   * The sender and managed parties of the payload stored under this hash; empty when Tessera
   * answers 404 (it does not hold it). Fails on any other answer, as {@link #parties} does.
   */
  public Future<Optional<StoredPayload>> payload(byte[] payloadHash) {
    return receive(payloadHash, "");
  }

  /**
   * Like {@link #payload}, from Tessera's raw store: what {@code /storeraw} kept for a client
   * that signs its own private transaction ({@code eth_sendRawPrivateTransaction}, {@code
   * eth_distributePrivateTransaction}), read as GoQuorum reads it ({@code ?isRaw=true}).
   */
  public Future<Optional<StoredPayload>> rawPayload(byte[] payloadHash) {
    return receive(payloadHash, "?isRaw=true");
  }

  private Future<Optional<StoredPayload>> receive(byte[] payloadHash, String query) {
    String encoded =
        URLEncoder.encode(java.util.Base64.getEncoder().encodeToString(payloadHash), StandardCharsets.UTF_8);
    return get("/transaction/" + encoded + query)
        .putHeader("Accept", MEDIA_TYPE)
        .send()
        .map(r -> r.statusCode() == 404 ? Optional.<StoredPayload>empty() : Optional.of(storedOf(r)));
  }

  /** Whether Tessera answers its health check ({@code GET /upcheck}, 200 when up). */
  public Future<Void> upcheck() {
    return get("/upcheck").send().compose(r -> r.statusCode() == 200
        ? Future.succeededFuture()
        : Future.failedFuture(new TesseraException("Tessera answered HTTP " + r.statusCode())));
  }

  /**
   * This Tessera's public keys ({@code GET /keys}); empty when the API at this address does not
   * serve them (some Tessera versions serve {@code /keys} on the third-party API only).
   */
  public Future<Set<String>> keys() {
    return get("/keys")
        .putHeader("Accept", "application/json")
        .send()
        .map(r -> r.statusCode() == 404 ? Set.<String>of() : keysOf(r));
  }

  private HttpRequest<Buffer> get(String path) {
    return client.request(HttpMethod.GET, address, port, host, basePath + path).timeout(timeoutMs);
  }

  private static Parties partiesOf(HttpResponse<Buffer> response) {
    if (response.statusCode() == 404) {
      return Parties.NONE;
    }
    return managedOf(bodyOf(response));
  }

  private static Parties managedOf(JsonNode body) {
    JsonNode managed = body.get("managedParties");
    if (managed == null || !managed.isArray()) {
      throw new TesseraException("Tessera answered without managedParties (is it 21.x or later?)");
    }
    Set<String> keys = new HashSet<>();
    managed.forEach(k -> keys.add(k.asText()));
    return new Parties(keys);
  }

  private static StoredPayload storedOf(HttpResponse<Buffer> response) {
    JsonNode body = bodyOf(response);
    JsonNode sender = body.get("senderKey");
    if (sender == null || !sender.isTextual() || sender.asText().isEmpty()) {
      throw new TesseraException("Tessera answered without senderKey (is it 21.x or later?)");
    }
    JsonNode payload = body.get("payload");
    if (payload == null || !payload.isTextual()) {
      throw new TesseraException("Tessera answered without the payload");
    }
    try {
      java.util.Base64.getDecoder().decode(payload.asText());
    } catch (IllegalArgumentException notBase64) {
      throw new TesseraException("Tessera answered with a payload that is not base64");
    }
    return new StoredPayload(sender.asText(), managedOf(body), payload.asText());
  }

  private static Set<String> keysOf(HttpResponse<Buffer> response) {
    JsonNode keys = bodyOf(response).get("keys");
    if (keys == null || !keys.isArray()) {
      throw new TesseraException("Tessera's /keys answer has no keys");
    }
    Set<String> all = new HashSet<>();
    keys.forEach(k -> all.add(k.path("key").asText()));
    return all;
  }

  private static JsonNode bodyOf(HttpResponse<Buffer> response) {
    if (response.statusCode() != 200) {
      throw new TesseraException("Tessera answered HTTP " + response.statusCode());
    }
    try {
      return Json.read(response.body() == null ? new byte[0] : response.body().getBytes());
    } catch (IOException e) {
      throw new TesseraException("Tessera answered something that is not JSON");
    }
  }

  public void close() {
    client.close();
  }
}
