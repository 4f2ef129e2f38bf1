package dev.scopegate.devnode;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process stand-in for a GoQuorum node's JSON-RPC over HTTP, over a real (instamining)
 * chain. Start as many as needed in one JVM; each has its own chain and port.
 */
public final class DevNode {
  private final HttpServer server;
  private final Chain chain;
  private final AtomicLong requestCount;
  private final URI httpUrl;

  private DevNode(HttpServer server, Chain chain, AtomicLong requestCount, URI httpUrl) {
    this.server = server;
    this.chain = chain;
    this.requestCount = requestCount;
    this.httpUrl = httpUrl;
  }

  public static Future<DevNode> start(Vertx vertx, DevNodeOptions options) {
    Chain chain = new Chain(options.chainId(), options.clock());
    AtomicLong requestCount = new AtomicLong();
    Dispatcher dispatcher = new Dispatcher(MethodTable.forChain(chain), requestCount);
    HttpServerOptions serverOptions =
        new HttpServerOptions()
            .setHost(options.host())
            .setPort(options.port())
            .setHttp2ClearTextEnabled(false); // geth speaks HTTP/1.1 only
    return vertx
        .createHttpServer(serverOptions)
        .requestHandler(new HttpFrontend(dispatcher))
        .listen()
        .map(server -> new DevNode(server, chain, requestCount, url(options.host(), server)));
  }

  private static URI url(String host, HttpServer server) {
    String authority = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + authority + ":" + server.actualPort() + "/");
  }

  /** Where to POST JSON-RPC, e.g. {@code http://127.0.0.1:40123/}. */
  public URI httpUrl() {
    return httpUrl;
  }

  /** The chain behind the node, for tests to inspect and to mine on directly. */
  public Chain chain() {
    return chain;
  }

  /** JSON-RPC calls received (each element of a batch counts, notifications too); resettable. */
  public AtomicLong requestCount() {
    return requestCount;
  }

  /** Stops listening and releases the port. */
  public Future<Void> close() {
    return server.close();
  }
}
