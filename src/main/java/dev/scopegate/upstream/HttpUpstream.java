package dev.scopegate.upstream;

import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.jsonrpc.RpcRequest;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node over HTTP: pooled keep-alive connections, one POST per forward. Only the JSON-RPC body
 * is sent; no header of the client's (its token, its API key, its PSI) ever reaches the node.
 * {@link #at} names a private state the way GoQuorum reads it (rpc/security.go {@code extractPSI}:
 * the {@code Quorum-PSI} header, then the {@code PSI} query parameter): both carry it, so neither
 * can disagree.
 */
public final class HttpUpstream implements Upstream, PsiUpstreams {
  /** GoQuorum rpc/context.go {@code HttpPrivateStateIdentifierHeader}. */
  public static final String PSI_HEADER = "Quorum-PSI";
  /** GoQuorum rpc/context.go {@code QueryPrivateStateIdentifierParamName}. */
  public static final String PSI_PARAM = "PSI";

  private static final Logger LOG = LoggerFactory.getLogger(HttpUpstream.class);
  private static final int POOL_SIZE = 64;

  private final Vertx vertx;
  private final WebClient client;
  private final String url;
  private final String logName;
  private final long timeoutMs;
  private final java.util.concurrent.atomic.AtomicBoolean failing =
      new java.util.concurrent.atomic.AtomicBoolean();
  private final java.util.Optional<String> psi;
  private final boolean ownsClient;

  public HttpUpstream(Vertx vertx, URI url, Duration timeout) {
    this.vertx = vertx;
    this.psi = java.util.Optional.empty();
    this.ownsClient = true;
    this.url = PsiQuery.without(url);
    this.logName = url.getScheme() + "://" + url.getHost() + ":" + url.getPort();
    this.timeoutMs = Math.max(1, timeout.toMillis());
    WebClientOptions options =
        new WebClientOptions()
            .setKeepAlive(true)
            .setConnectTimeout((int) Math.min(timeoutMs, Integer.MAX_VALUE))
            .setUserAgent("scopegate");
    this.client = WebClient.create(vertx, options, new PoolOptions().setHttp1MaxSize(POOL_SIZE));
  }

  private HttpUpstream(HttpUpstream base, String psi) {
    this.vertx = base.vertx;
    this.client = base.client;
    this.logName = base.logName;
    this.timeoutMs = base.timeoutMs;
    this.psi = java.util.Optional.of(psi);
    this.ownsClient = false;
    this.url = PsiQuery.with(base.url, PSI_PARAM, psi);
  }

  /** The same node and connection pool, every forward naming {@code psi}. */
  @Override
  public Upstream at(String psi) {
    return new HttpUpstream(this, psi);
  }

  @Override
  public Future<List<Answer>> forward(List<RpcRequest> requests) {
    return forward(requests, java.util.Map.of());
  }

  @Override
  public Future<List<Answer>> forward(List<RpcRequest> requests, java.util.Map<String, String> headers) {
    if (requests.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    Buffer body = Json.buffer(AnswerMatcher.body(requests));
    Promise<List<Answer>> answers = Promise.promise();
    // The request's own timeout is an idle timeout; the timer bounds the whole exchange.
    long timer = vertx.setTimer(timeoutMs, t -> answers.tryFail(timeout()));
    var request = client.postAbs(url);
    headers.forEach(request::putHeader);
    psi.ifPresent(name -> request.putHeader(PSI_HEADER, name));
    request
        .putHeader("Content-Type", "application/json")
        .putHeader("Accept", "application/json")
        .idleTimeout(timeoutMs)
        .sendBuffer(body)
        .map(response -> answersOf(requests, response))
        .recover(failure -> Future.failedFuture(classify(failure)))
        .onComplete(
            result -> {
              vertx.cancelTimer(timer);
              if (result.succeeded()) {
                if (failing.getAndSet(false)) {
                  LOG.info("upstream {} answers again", logName);
                }
                answers.tryComplete(result.result());
              } else {
                answers.tryFail(result.cause());
              }
            });
    return answers.future();
  }

  private static List<Answer> answersOf(List<RpcRequest> requests, HttpResponse<Buffer> response) {
    if (response.statusCode() / 100 != 2) {
      throw RpcError.UPSTREAM_BAD_RESPONSE.withData("node answered HTTP " + response.statusCode());
    }
    Buffer body = response.body();
    return AnswerMatcher.match(requests, body == null ? new byte[0] : body.getBytes());
  }

  private RpcException timeout() {
    return RpcError.UPSTREAM_TIMEOUT.withData("no answer within " + timeoutMs + " ms");
  }

  private RpcException classify(Throwable failure) {
    if (failure instanceof RpcException known) {
      return known;
    }
    if (failure instanceof TimeoutException) {
      return timeout();
    }
    // Once per outage: a node that is down would otherwise log a line for every call.
    if (!failing.getAndSet(true)) {
      LOG.warn("upstream {} failed: {} (further failures are logged at DEBUG until it answers)",
          logName, failure.toString());
    } else {
      LOG.debug("upstream {} failed: {}", logName, failure.toString());
    }
    return RpcError.UPSTREAM_UNREACHABLE.withData("could not reach the node");
  }

  @Override
  public Future<Void> close() {
    if (ownsClient) {
      client.close();
    }
    return Future.succeededFuture();
  }
}
