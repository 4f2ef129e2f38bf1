package dev.scopegate.devnode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Tessera's Q2T reads over java.net.http, as Scopegate's privacy resolver would make them. */
final class DevTesseraClient {
  static final String MEDIA_2_1 = "application/vnd.tessera-2.1+json";
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  DevTesseraClient(URI base) {
    this.base = base;
  }

  HttpResponse<String> get(String path, String accept) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(10))
            .header("Accept", accept)
            .GET()
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code POST /storeraw}: the payload kept for {@code from}; its hash, as on chain (hex). */
  String storeRaw(String hexPayload, String from) {
    String body =
        "{\"payload\":\""
            + java.util.Base64.getEncoder()
                .encodeToString(java.util.HexFormat.of().parseHex(hexPayload.substring(2)))
            + "\",\"from\":\""
            + from
            + "\"}";
    HttpResponse<String> response = post("/storeraw", body);
    if (response.statusCode() != 200) {
      throw new AssertionError("storeraw: " + response.statusCode() + " " + response.body());
    }
    return PayloadHash.ofBase64(RpcClient.parse(response.body()).get("key").asText()).hex();
  }

  HttpResponse<String> post(String path, String json) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code GET /transaction/{hash}} with the 2.1 media type; {@code hexHash} as on chain. */
  HttpResponse<String> transaction(String hexHash) {
    return get(transactionPath(hexHash), MEDIA_2_1);
  }

  static String transactionPath(String hexHash) {
    String base64 = PayloadHash.ofHex(hexHash).base64();
    return "/transaction/" + URLEncoder.encode(base64, StandardCharsets.UTF_8);
  }
}
