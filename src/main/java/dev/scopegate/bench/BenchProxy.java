package dev.scopegate.bench;

import dev.scopegate.Main;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The framework's floor for bench/run.sh: a reverse proxy on Vert.x that does nothing but pass a
 * POST body to the upstream and its answer back, built as Scopegate's HTTP path is built (one
 * server per event loop sharing the port, one keep-alive pool of 64 per loop, the same Vert.x).
 * No JSON, no credentials, no policy, no metrics: what it costs per call is what Vert.x's HTTP
 * server and client cost, which no work on Scopegate's own code can go below.
 *
 * <p>Usage: {@code java -cp target/scopegate.jar dev.scopegate.bench.BenchProxy PORT UPSTREAM_PORT}
 * (loopback). Runs until killed. Not part of the product.
 */
public final class BenchProxy extends VerticleBase {
  private final int port;
  private final RequestOptions forward;
  private HttpClient client;

  private BenchProxy(int port, int upstreamPort) {
    this.port = port;
    this.forward = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
        .setPort(upstreamPort).setURI("/").putHeader("Content-Type", "application/json");
  }

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    int upstream = Integer.parseInt(args[1]);
    Vertx vertx = Main.newVertx();
    vertx.deployVerticle(() -> new BenchProxy(port, upstream),
            new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors()))
        .onSuccess(id -> System.out.println("bench proxy on 127.0.0.1:" + port))
        .onFailure(failure -> {
          System.err.println("bench proxy: " + failure);
          System.exit(1);
        });
  }

  @Override
  public Future<?> start() {
    client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(64));
    return vertx.createHttpServer().requestHandler(this::proxy).listen(port, "127.0.0.1");
  }

  private void proxy(HttpServerRequest request) {
    request.body()
        .compose(body -> client.request(forward).compose(out -> out.send(body)))
        .compose(HttpClientResponse::body)
        .onSuccess(answer -> request.response().putHeader("Content-Type", "application/json").end(answer))
        .onFailure(failure -> request.response().setStatusCode(502).end());
  }
}
