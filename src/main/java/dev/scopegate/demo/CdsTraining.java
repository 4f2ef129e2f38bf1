package dev.scopegate.demo;

import dev.scopegate.Scopegate;
import dev.scopegate.config.Config;
import dev.scopegate.config.ConfigLoader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The launcher's class-data training run ({@code ./scopegate} runs it once per build, under
 * {@code -XX:ArchiveClassesAtExit}): the classes a start and the first calls load end up in a
 * CDS archive that later starts map instead of loading, verifying and linking them one by one.
 *
 * <p>It starts what a user starts, on free loopback ports and in a temporary directory: the demo
 * (dev node and a Scopegate in front of it), then a Scopegate read from a YAML file as {@code
 * --config} reads it, makes a tenant's and the operator's call to each and asks {@code /ready}
 * (whatever it answers), then stops everything. Exit status 0 only when every answer came; the launcher keeps the
 * archive only then.
 */
public final class CdsTraining {
  private static final long SECONDS = 120;

  private CdsTraining() {}

  public static void main(String[] args) throws Exception {
    dev.scopegate.Main.quietNettyEvents();
    Vertx vertx = Vertx.vertx();
    int status = 1;
    try {
      Demo demo = await(Demo.start(vertx, Map.of("SCOPEGATE_SERVER_PORT", "0", "SCOPEGATE_METRICS_PORT", "0")));
      try {
        Path yaml = demo.directory().resolve("training.yaml");
        Files.writeString(yaml, yaml(demo));
        Config config = ConfigLoader.load(Optional.of(yaml), Optional.empty(), Map.of());
        Scopegate fromFile = await(Scopegate.start(vertx, config));
        try {
          HttpClient client = vertx.createHttpClient();
          for (Scopegate proxy : new Scopegate[] {demo.proxy(), fromFile}) {
            call(client, proxy.httpPort(), "Authorization", "Bearer " + demo.tokenOfA());
            call(client, proxy.httpPort(), "X-API-Key", demo.apiKey());
            get(client, proxy.metricsPort(), "/ready");
          }
          await(client.close());
          status = 0;
        } finally {
          await(fromFile.shutdown());
        }
      } finally {
        await(demo.stop());
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(SECONDS, TimeUnit.SECONDS);
    }
    System.exit(status);
  }

  private static String yaml(Demo demo) {
    return String.join("\n",
        "upstream:",
        "  http: " + demo.node().httpUrl(),
        "  ws: " + demo.node().wsUrl(),
        "  privacyManager: " + demo.node().tessera().url(),
        "server: { host: 127.0.0.1, port: 0 }",
        "metrics: { port: 0 }",
        "privacy:",
        "  index: { path: " + demo.directory().resolve("training-index") + " }",
        "  extenderCodeHashes: [\"" + dev.scopegate.devnode.ExtenderContract.RUNTIME_HASH + "\"]",
        "auth:",
        "  apiKey: " + demo.apiKey(),
        "  jwt: { publicKeyFile: " + demo.directory().resolve("issuer.pem") + " }",
        "");
  }

  private static void call(HttpClient client, int port, String header, String value) throws Exception {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"params\":[]}";
    Buffer answer = await(client.request(new RequestOptions().setMethod(HttpMethod.POST)
            .setHost("127.0.0.1").setPort(port).setURI("/")
            .putHeader("Content-Type", "application/json").putHeader(header, value))
        .compose(request -> request.send(body))
        .compose(CdsTraining::ok));
    if (!answer.toString().contains("\"result\"")) {
      throw new IllegalStateException("no result: " + answer);
    }
  }

  /** Any answer will do (ready may still wait for the index): the path is what is trained. */
  private static void get(HttpClient client, int port, String path) throws Exception {
    await(client.request(HttpMethod.GET, port, "127.0.0.1", path)
        .compose(request -> request.send())
        .compose(HttpClientResponse::body));
  }

  private static Future<Buffer> ok(HttpClientResponse response) {
    return response.statusCode() == 200
        ? response.body()
        : Future.failedFuture("HTTP " + response.statusCode() + " from " + response.request().getURI());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(SECONDS, TimeUnit.SECONDS);
  }
}
