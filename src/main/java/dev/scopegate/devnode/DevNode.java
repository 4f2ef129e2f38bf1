package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process stand-in for a GoQuorum node's JSON-RPC over HTTP and WebSocket and its Tessera,
 * over a real (instamining) chain with a private state. Start as many as needed in one JVM; each
 * has its own chain, Tessera and ports.
 */
public final class DevNode {
  private final HttpServer server;
  private final Chain chain;
  private final DevTessera tessera;
  private final RequestCounter requests;
  private final HttpFrontend frontend;
  private final AsyncSend async;
  private final URI httpUrl;
  private final WsServer ws;

  private DevNode(
      HttpServer server,
      WsServer ws,
      Chain chain,
      DevTessera tessera,
      RequestCounter requests,
      HttpFrontend frontend,
      AsyncSend async,
      URI httpUrl) {
    this.server = server;
    this.ws = ws;
    this.chain = chain;
    this.tessera = tessera;
    this.requests = requests;
    this.frontend = frontend;
    this.async = async;
    this.httpUrl = httpUrl;
  }

  /** Test hook: when false, the node drops every connection unanswered, as if it were down. */
  public void available(boolean up) {
    frontend.available(up);
  }

  /**
   * Test hook: every JSON-RPC answer over HTTP is sent {@code delay} after its request arrived
   * (zero: at once), as by a node under load.
   */
  public void responseDelay(Duration delay) {
    frontend.delay(delay);
  }

  public static Future<DevNode> start(Vertx vertx, DevNodeOptions options) {
    TesseraStore store = new TesseraStore(options.tesseraKeys());
    Chain chain = new Chain(options.chainId(), options.clock(), store, options.privacyMarkers(),
        options.residentGroups());
    RequestCounter requests = new RequestCounter();
    AsyncSend async = new AsyncSend();
    MethodTable table = MethodTable.forChain(chain, options, async);
    Subscriptions subscriptions = Subscriptions.following(chain);
    NodeCalls overHttp = new SubscriptionCalls(table::call, Optional.empty(), subscriptions);
    NodeDispatcher dispatcher = new NodeDispatcher(overHttp, requests);
    HttpServerOptions serverOptions =
        new HttpServerOptions()
            .setHost(options.host())
            .setPort(options.port())
            .setHttp2ClearTextEnabled(false); // geth speaks HTTP/1.1 only
    HttpFrontend frontend = new HttpFrontend(vertx, dispatcher);
    return DevTessera.start(vertx, store, options.host(), options.tesseraSocket())
        .compose(
            tessera ->
                vertx
                    .createHttpServer(serverOptions)
                    .requestHandler(frontend)
                    .listen()
                    .compose(
                        server ->
                            WsServer.start(
                                    vertx, options.host(), table::call, subscriptions, requests)
                                .map(
                                    ws ->
                                        new DevNode(
                                            server, ws, chain, tessera, requests, frontend, async,
                                            url(options.host(), server)))
                                .recover(failure -> closing(server.close(), failure)))
                    .recover(failure -> closing(tessera.close(), failure)));
  }

  private static <T> Future<T> closing(Future<Void> close, Throwable failure) {
    return close.transform(closed -> Future.failedFuture(failure));
  }

  private static URI url(String host, HttpServer server) {
    String authority = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + authority + ":" + server.actualPort() + "/");
  }

  /** Where to POST JSON-RPC, e.g. {@code http://127.0.0.1:40123/}. */
  public URI httpUrl() {
    return httpUrl;
  }

  /** JSON-RPC over WebSocket, on a port of its own: {@code ws://127.0.0.1:40124/}. */
  public URI wsUrl() {
    return ws.url();
  }

  /** WebSocket connections open now. */
  public int wsConnections() {
    return ws.connections();
  }

  /** Test hook: closes every WebSocket connection (1001, their subscriptions end). */
  public Future<Void> dropWebSockets() {
    return ws.drop();
  }

  /** Test hook: while false, WebSocket upgrades are refused (503); open connections stay. */
  public void wsAvailable(boolean up) {
    ws.available(up);
  }

  /** eth_subscribe calls received over WebSocket naming {@code kind} ({@code "newHeads"}, …). */
  public long subscribeCount(String kind) {
    return ws.subscribeCount(kind);
  }

  /** Completes once {@link #subscribeCount} of {@code kind} has reached {@code count}. */
  public Future<Void> subscribed(String kind, long count) {
    return ws.subscribed(kind, count);
  }

  /** The chain behind the node, for tests to inspect and to mine on directly. */
  public Chain chain() {
    return chain;
  }

  /**
   * What GoQuorum would have POSTed to the {@code callbackUrl}s of {@code eth_sendTransactionAsync}
   * calls, in order: the dev node records instead of posting.
   */
  public List<Callback> callbacks() {
    return async.callbacks();
  }

  /** The node's privacy manager. */
  public DevTessera tessera() {
    return tessera;
  }

  /** JSON-RPC calls received (each element of a batch counts, notifications too); resettable. */
  public AtomicLong requestCount() {
    return requests.total();
  }

  /** Calls of {@code method} received. */
  public long requestCount(String method) {
    return requests.of(method);
  }

  /** Test hook: the params of the latest {@code method} call received since the last reset. */
  public Optional<JsonNode> lastParams(String method) {
    return requests.lastParams(method);
  }

  /** Completes once {@code method} has been received {@code count} times since the last reset. */
  public Future<Void> received(String method, long count) {
    return requests.reaches(method, count);
  }

  /** Sets every count, total and per method, back to zero. */
  public void resetRequestCounts() {
    requests.reset();
    ws.resetSubscribeCounts();
  }

  /** Stops listening and releases the ports (and Tessera's socket file). */
  public Future<Void> close() {
    return Future.all(server.close(), ws.close(), tessera.close()).mapEmpty();
  }
}
