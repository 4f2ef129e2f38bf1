package dev.scopegate.testing;

import dev.scopegate.Scopegate;
import dev.scopegate.config.Config;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/** A running Scopegate on a loopback port, and the calls a test makes to it. */
public final class Proxy implements AutoCloseable {
  private final Scopegate scopegate;

  private Proxy(Scopegate scopegate) {
    this.scopegate = scopegate;
  }

  public static Proxy start(Vertx vertx, Config config) throws Exception {
    return new Proxy(Scopegate.start(vertx, config).await(20, TimeUnit.SECONDS));
  }

  /** With its buckets in {@code store} and its HTTP port served on {@code eventLoops} event loops. */
  public static Proxy start(Vertx vertx, Config config, dev.scopegate.limits.BucketStore store,
      int eventLoops) throws Exception {
    return new Proxy(Scopegate.start(vertx, config, store, eventLoops).await(20, TimeUnit.SECONDS));
  }

  /** With its limits' buckets in {@code store} (a store on a clock the test moves). */
  public static Proxy start(Vertx vertx, Config config, dev.scopegate.limits.BucketStore store) throws Exception {
    return new Proxy(Scopegate.start(vertx, config, store).await(20, TimeUnit.SECONDS));
  }

  public Scopegate scopegate() {
    return scopegate;
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + scopegate.httpPort() + "/");
  }

  public HttpResponse<String> post(String body, String... headers) {
    return Wire.post(url(), body, headers);
  }

  /** A call as an operator (the API key). */
  public HttpResponse<String> operator(String body) {
    return post(body, "X-API-Key", TestConfigs.API_KEY);
  }

  /** A call as a tenant presenting {@code token}. */
  public HttpResponse<String> tenant(String token, String body) {
    return post(body, "Authorization", "Bearer " + token);
  }

  @Override
  public void close() throws Exception {
    scopegate.stop().await(20, TimeUnit.SECONDS);
  }
}
