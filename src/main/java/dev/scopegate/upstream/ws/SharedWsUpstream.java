package dev.scopegate.upstream.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.upstream.Answer;
import dev.scopegate.upstream.Upstream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's WebSocket, shared by every client of Scopegate: one connection, calls multiplexed
 * over it under rewritten ids, and one upstream subscription per distinct set of eth_subscribe
 * params however many sinks share it. Connects on first use and reconnects with backoff;
 * subscriptions survive reconnects (see {@link Resumption}).
 *
 * <p>All state lives on the context {@link #create} runs on (a new event-loop context when called
 * from outside Vert.x); sinks are called there, futures complete on their caller's context.
 */
public final class SharedWsUpstream implements Upstream {
  private static final Logger LOG = LoggerFactory.getLogger(SharedWsUpstream.class);

  private final Home home;
  private final NodeSocket socket;
  private final Calls calls;
  private final Topics topics;
  private final Resumption resumption;

  private SharedWsUpstream(Vertx vertx, URI wsUrl, Map<String, String> headers, Duration callTimeout,
      Reconnect reconnect, long maxCallBytes) {
    this.home = new Home(vertx.getOrCreateContext());
    this.socket = new NodeSocket(vertx, wsUrl, headers, callTimeout, reconnect, new SocketEvents());
    this.calls = new Calls(vertx, socket, Math.max(1, callTimeout.toMillis()), maxCallBytes);
    Subscriber subscriber = new Subscriber(calls);
    this.topics = new Topics(subscriber, this::cancel);
    this.resumption = new Resumption(vertx, topics, subscriber, reconnect.giveUpAfter());
  }

  public static SharedWsUpstream create(Vertx vertx, URI wsUrl, Duration callTimeout) {
    return create(vertx, wsUrl, callTimeout, Reconnect.DEFAULT);
  }

  /** {@code maxCallBytes}: the largest message written on the socket (upstream.wsMaxCallBytes). */
  public static SharedWsUpstream create(
      Vertx vertx, URI wsUrl, Duration callTimeout, long maxCallBytes) {
    return new SharedWsUpstream(vertx, wsUrl, Map.of(), callTimeout, Reconnect.DEFAULT, maxCallBytes);
  }

  public static SharedWsUpstream create(
      Vertx vertx, URI wsUrl, Duration callTimeout, Reconnect reconnect) {
    return create(vertx, wsUrl, Map.of(), callTimeout, reconnect);
  }

  /** As above, sending {@code headers} with every upgrade request. */
  public static SharedWsUpstream create(
      Vertx vertx, URI wsUrl, Map<String, String> headers, Duration callTimeout, Reconnect reconnect) {
    return new SharedWsUpstream(vertx, wsUrl, headers, callTimeout, reconnect,
        dev.scopegate.config.Config.Upstream.DEFAULT_WS_MAX_CALL_BYTES);
  }

  /**
   * Subscribes with eth_subscribe params ({@code ["newHeads"]}, {@code ["logs", {...}]});
   * identical params (whatever their key order) share one upstream subscription. Completes once
   * the node confirmed it; fails with {@code INVALID_PARAMS} carrying the node's message when the
   * node refuses, or with the upstream condition.
   */
  public Future<Subscription> subscribe(JsonNode subscribeParams, SubscriptionSink sink) {
    return home.call(() -> topics.join(subscribeParams, sink));
  }

  @Override
  public Future<List<Answer>> forward(List<RpcRequest> requests) {
    return home.call(() -> calls.send(requests));
  }

  private Future<Void> cancel(Member member) {
    return home.call(() -> topics.leave(member));
  }

  /** Ends every subscription (sinks are told) and fails the calls still waiting. */
  @Override
  public Future<Void> close() {
    return home.call(
        () -> {
          RpcException closing = RpcError.UPSTREAM_UNREACHABLE.withData("upstream closed");
          topics.endAll(closing);
          calls.failAll(closing);
          return socket.close();
        });
  }

  private void received(String text) {
    JsonNode message;
    try {
      message = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      LOG.warn("ignored a message from the node that is not JSON ({} chars)", text.length());
      return;
    }
    if (message.isArray()) {
      message.forEach(this::route);
    } else {
      route(message);
    }
  }

  private void route(JsonNode message) {
    if ("eth_subscription".equals(message.path("method").asText())) {
      JsonNode params = message.path("params");
      topics.notification(params.path("subscription").asText(), params.path("result"));
    } else {
      calls.answer(message);
    }
  }

  private final class SocketEvents implements NodeSocket.Events {
    @Override
    public void opened() {
      resumption.opened();
    }

    @Override
    public void message(String text) {
      received(text);
    }

    @Override
    public void lost() {
      // Subscriptions first, so that their calls failing next are already stale attempts.
      resumption.lost();
      calls.failAll(RpcError.UPSTREAM_UNREACHABLE.withData("connection to the node lost"));
    }
  }
}
