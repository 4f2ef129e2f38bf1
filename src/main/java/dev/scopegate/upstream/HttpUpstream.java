package dev.scopegate.upstream;

import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.transport.Deadlines;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
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
  private final LoopClients clients;
  /**
   * Every forward's method, URL and headers, built once: the web client parsed the absolute URL
   * and built its interceptor context per call (measured: a java.net.URL and its substrings per
   * forward in the allocation profile).
   */
  private final RequestOptions request;
  private final String url;
  private final long maxResponseBytes;
  private final String logName;
  private final long timeoutMs;
  private final Deadlines deadlines;
  /** Whether the node is failing now; shared by every PSI's view of it, so one outage is one line. */
  private final java.util.concurrent.atomic.AtomicBoolean failing;
  private final java.util.Optional<String> psi;
  private final boolean ownsClient;

  public HttpUpstream(Vertx vertx, URI url, Duration timeout) {
    this(vertx, url, timeout, dev.scopegate.config.Config.Upstream.DEFAULT_MAX_RESPONSE_BYTES);
  }

  /** Answers larger than {@code maxResponseBytes} fail without being read further. */
  public HttpUpstream(Vertx vertx, URI url, Duration timeout, long maxResponseBytes) {
    this.vertx = vertx;
    this.maxResponseBytes = maxResponseBytes;
    this.psi = java.util.Optional.empty();
    this.ownsClient = true;
    this.failing = new java.util.concurrent.atomic.AtomicBoolean();
    this.url = PsiQuery.without(url);
    this.logName = url.getScheme() + "://" + url.getHost() + ":" + url.getPort();
    this.timeoutMs = Math.max(1, timeout.toMillis());
    this.deadlines = new Deadlines(vertx, Duration.ofMillis(timeoutMs));
    HttpClientOptions options =
        new HttpClientOptions()
            .setKeepAlive(true)
            .setConnectTimeout((int) Math.min(timeoutMs, Integer.MAX_VALUE));
    this.clients = new LoopClients(vertx, options, new PoolOptions().setHttp1MaxSize(POOL_SIZE));
    this.request = requestTo(this.url, java.util.Optional.empty());
  }

  /** No idle timeout of the request's own: the deadline of {@link #forward} bounds the exchange. */
  private static RequestOptions requestTo(String url, java.util.Optional<String> psi) {
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setAbsoluteURI(url)
        .putHeader("User-Agent", "scopegate")
        .putHeader("Content-Type", "application/json")
        .putHeader("Accept", "application/json");
    psi.ifPresent(name -> options.putHeader(PSI_HEADER, name));
    return options;
  }

  private HttpUpstream(HttpUpstream base, String psi) {
    this.vertx = base.vertx;
    this.clients = base.clients;
    this.logName = base.logName;
    this.timeoutMs = base.timeoutMs;
    this.deadlines = base.deadlines;
    this.maxResponseBytes = base.maxResponseBytes;
    this.psi = java.util.Optional.of(psi);
    this.ownsClient = false;
    this.failing = base.failing;
    this.url = PsiQuery.with(base.url, PSI_PARAM, psi);
    this.request = requestTo(this.url, this.psi);
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
    Buffer body = AnswerMatcher.body(requests);
    Promise<List<Answer>> answers = Promise.promise();
    RequestOptions options = request;
    if (!headers.isEmpty()) {
      options = new RequestOptions(request);
      headers.forEach(options::putHeader);
    }
    new Exchange(requests, answers).start(options, body);
    return answers.future();
  }

  /**
   * One forward: connect, send, read the answer within the byte limit, all under one deadline.
   * Written as callbacks on one object rather than a chain of composed futures: each link of the
   * chain was a future and a listener per call on the hot path.
   */
  private final class Exchange {
    private final List<RpcRequest> requests;
    private final Promise<List<Answer>> answers;
    private final Deadlines.Deadline deadline;
    private volatile HttpClientRequest sent; // read by the deadline, which off an event loop fires elsewhere

    Exchange(List<RpcRequest> requests, Promise<List<Answer>> answers) {
      this.requests = requests;
      this.answers = answers;
      // The deadline bounds the whole exchange (connecting, sending, the answer to its last
      // byte), and resets the request so that the pool connection is free again at once.
      this.deadline = deadlines.arm(() -> {
        if (answers.tryFail(timeout()) && sent != null) {
          sent.reset();
        }
      });
    }

    void start(RequestOptions options, Buffer body) {
      clients.current().request(options).onComplete(connected -> {
        if (connected.failed()) {
          failed(connected.cause());
          return;
        }
        sent = connected.result();
        sent.send(body).onComplete(responded -> {
          if (responded.failed()) {
            failed(responded.cause());
            return;
          }
          var response = responded.result();
          BoundedBody.read(sent, response, maxResponseBytes).onComplete(read -> {
            if (read.failed()) {
              failed(read.cause());
              return;
            }
            List<Answer> matched;
            try {
              matched = answersOf(requests, response.statusCode(), read.result());
            } catch (RuntimeException e) {
              failed(e);
              return;
            }
            deadline.cancel();
            if (failing.getAndSet(false)) {
              LOG.info("upstream {} answers again", logName);
            }
            answers.tryComplete(matched);
          });
        });
      });
    }

    private void failed(Throwable failure) {
      deadline.cancel();
      // after the deadline has answered, the reset's own failure is no news of the node
      if (!answers.future().isComplete()) {
        answers.tryFail(classify(failure));
      }
    }
  }

  private static List<Answer> answersOf(List<RpcRequest> requests, int status, Buffer body) {
    if (status / 100 != 2) {
      throw RpcError.UPSTREAM_BAD_RESPONSE.withData("node answered HTTP " + status);
    }
    return AnswerMatcher.match(requests, body.getBytes());
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

  /**
   * One connection pool per event loop, each used only from its own loop. Vert.x's client keeps one
   * pool for every caller and creates a connection on the loop that first asked for it, so a call
   * from another loop would write and read through a connection owned by a foreign thread (two
   * hand-offs per call) once the RPC port is served on several loops. Calls from elsewhere (worker
   * threads, tests) share one more pool.
   */
  private static final class LoopClients {
    private final Vertx vertx;
    private final HttpClientOptions options;
    private final PoolOptions pool;
    private final HttpClient elsewhere;
    private final java.util.concurrent.ConcurrentHashMap<Thread, HttpClient> byLoop =
        new java.util.concurrent.ConcurrentHashMap<>();

    LoopClients(Vertx vertx, HttpClientOptions options, PoolOptions pool) {
      this.vertx = vertx;
      this.options = options;
      this.pool = pool;
      this.elsewhere = vertx.createHttpClient(options, pool);
    }

    HttpClient current() {
      if (!io.vertx.core.Context.isOnEventLoopThread()) {
        return elsewhere;
      }
      return byLoop.computeIfAbsent(Thread.currentThread(), loop -> vertx.createHttpClient(options, pool));
    }

    void close() {
      elsewhere.close();
      byLoop.values().forEach(HttpClient::close);
    }
  }

  @Override
  public Future<Void> close() {
    if (ownsClient) {
      clients.close();
    }
    return Future.succeededFuture();
  }
}
