package dev.scopegate.transport.http;

import dev.scopegate.auth.Authenticator;
import dev.scopegate.config.Config;
import dev.scopegate.jsonrpc.RequestDecoder;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.mode.CallRouter;
import dev.scopegate.transport.ws.WsUpgrade;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.HashSet;

/** The HTTP listener: {@code POST /} carries JSON-RPC; every other path or verb is 404/405. */
public final class HttpTransport {
  private HttpTransport() {}

  /**
   * Serves on {@code eventLoops} event loops (one server each, sharing the port); what the
   * handlers share is safe from any of them (docs/performance.md, "Event loops").
   * {@code accepted} runs on a connection's event loop as it is accepted.
   */
  public static Future<HttpServers> start(
      Vertx vertx,
      Config.Server config,
      Authenticator authenticator,
      CallRouter calls,
      WsUpgrade ws,
      int eventLoops,
      Runnable accepted) {
    ConnectionGuard guard = new ConnectionGuard(vertx, config.connections(), accepted);
    HttpRpcHandler rpc = new HttpRpcHandler(
        authenticator, new RequestDecoder(config.maxBatchSize()), calls,
        new BodyReader(vertx, config.maxBodyBytes(), config.connections().requestTimeout()),
        new BodyBudget(config.connections().maxBodyBytesInFlight()));
    return HttpServers.start(vertx, eventLoops, config.port(),
        port -> listen(vertx, config, port, guard, rpc, ws));
  }

  /** One server of the listener, with its own router; the handlers behind it are shared. */
  private static Future<HttpServer> listen(Vertx vertx, Config.Server config, int port,
      ConnectionGuard guard, HttpRpcHandler rpc, WsUpgrade ws) {
    Router router = Router.router(vertx);
    router.route().handler(guard);
    router.route().handler(new CanonicalPath());
    if (!config.cors().allowedOrigins().isEmpty()) {
      router.route("/").handler(new Cors(new HashSet<>(config.cors().allowedOrigins())));
    }
    router.get("/").handler(ctx -> {
      if (!ctx.request().canUpgradeToWebSocket()) {
        ctx.response().setStatusCode(405).putHeader("Allow", "POST").end();
        return;
      }
      var connection = ctx.request().connection();
      ws.upgrade(ctx.request())
          .onSuccess(upgraded -> guard.upgraded(connection))
          .onFailure(failure -> HttpReplies.failure(ctx, failure));
    });
    router.post("/").handler(rpc);
    router.errorHandler(
        413,
        ctx ->
            HttpReplies.error(
                ctx,
                RpcError.BODY_TOO_LARGE.withData(
                    "at most " + config.maxBodyBytes() + " bytes per request")));
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(config.host())
            .setPort(port)
            // answers are gzipped one by one when asked for (GzipReply): Vert.x's compression
            // support cost every call 4-5 µs, asked for or not
            .setCompressionSupported(false)
            .setDecompressionSupported(false)
            // no cleartext HTTP/2 (prior knowledge or Upgrade: h2c): its streams multiply what
            // one connection may hold, and every client of a JSON-RPC node speaks HTTP/1.1
            .setHttp2ClearTextEnabled(false)
            // no WebSocket compression (Vert.x offers it by default, and ethers' and web3.js's
            // client asks for it): a zlib context per connection, a deflate per notification per
            // subscriber, and a client's compressed frame inflated before maxMessageBytes is seen
            .setPerMessageWebSocketCompressionSupported(false)
            .setPerFrameWebSocketCompressionSupported(false)
            // Vert.x drops a connection abruptly past these; Scopegate's own check closes it
            // cleanly (1009) at server.ws.maxMessageBytes, well below them.
            .setMaxWebSocketMessageSize(intSize(hardCap(config.ws().maxMessageBytes())))
            .setMaxWebSocketFrameSize(intSize(hardCap(config.ws().maxMessageBytes())));
    if (!config.tls().enabled()) {
      return vertx.createHttpServer(options)
          .connectionHandler(guard::connected)
          .requestHandler(router)
          .listen();
    }
    return ServerTls.read(vertx, config.tls()).compose(tls -> {
      options.setSsl(true)
          .setKeyCertOptions(tls.getKeyCertOptions())
          .setTrustOptions(tls.getTrustOptions())
          .setClientAuth(tls.getClientAuth());
      return vertx.createHttpServer(options)
          .connectionHandler(guard::connected)
          .requestHandler(router)
          .listen();
    });
  }

  private static long hardCap(long limit) {
    return Math.max(limit * 4, 1 << 20);
  }

  private static int intSize(long bytes) {
    return (int) Math.min(bytes, Integer.MAX_VALUE);
  }
}
