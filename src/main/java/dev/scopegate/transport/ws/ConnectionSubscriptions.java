package dev.scopegate.transport.ws;

import dev.scopegate.jsonrpc.RpcException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.upstream.Answer;
import dev.scopegate.upstream.ws.SharedWsUpstream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connection's subscriptions. Ids are this connection's own (random), so a client can
 * neither read nor cancel another connection's subscription; the upstream subscription behind
 * them is shared by every client subscribed with the same parameters.
 */
public final class ConnectionSubscriptions {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Vertx vertx;
  private final Principal principal;
  private final Optional<SharedWsUpstream> upstream;
  private final LogVisibility visibility;
  private final Duration holdLimit;
  private final Outbox outbox;
  private final SubscriptionQuota quota;
  // subscriptions held or being established; counted before the node is asked
  private final AtomicInteger held = new AtomicInteger();
  private final Map<String, ClientSubscription> byId = new ConcurrentHashMap<>();
  private final Map<Long, List<ClientSubscription>> unannounced = new ConcurrentHashMap<>();

  public ConnectionSubscriptions(
      Vertx vertx, Principal principal, WsContext context, Outbox outbox) {
    this(vertx, principal, context.subscriptions(), context.visibility(), context.holdLimit(),
        outbox, context.quota());
  }

  ConnectionSubscriptions(
      Vertx vertx, Principal principal, Optional<SharedWsUpstream> upstream,
      LogVisibility visibility, Duration holdLimit, Outbox outbox, SubscriptionQuota quota) {
    this.vertx = vertx;
    this.principal = principal;
    this.upstream = upstream;
    this.visibility = visibility;
    this.holdLimit = holdLimit;
    this.outbox = outbox;
    this.quota = quota;
  }

  /** {@code eth_subscribe} within message {@code sequence}: the answer carries the new id. */
  Future<Answer> subscribe(JsonNode params, long sequence) {
    if (upstream.isEmpty()) {
      return Future.succeededFuture(error(RpcError.NOTIFICATIONS_UNSUPPORTED.withData("Scopegate has no upstream.ws")));
    }
    boolean logs = params.path(0).asText("").equals("logs");
    try {
      if (logs) {
        LogsFilterSize.check(params.path(1), quota.limits().maxLogsFilterTerms());
      }
      take();
    } catch (RpcException refused) {
      return Future.succeededFuture(error(refused));
    }
    String id = "0x" + HexFormat.of().formatHex(randomBytes());
    ClientSubscription client = new ClientSubscription(
        vertx, id, principal, logs, visibility, holdLimit, outbox, ended -> {
          if (byId.remove(ended.id()) != null) {
            give();
          }
        });
    return upstream.get().subscribe(params, client)
        .onFailure(failed -> give())
        .map(shared -> {
          client.attach(shared);
          byId.put(id, client);
          unannounced.computeIfAbsent(sequence, s -> new ArrayList<>()).add(client);
          return new Answer(TextNode.valueOf(id), null);
        })
        .recover(failure -> Future.succeededFuture(error(failure instanceof RpcException known
            ? known : RpcError.UPSTREAM_UNREACHABLE.exception())));
  }

  /** {@code eth_unsubscribe}: only this connection's ids; another's is "not found". */
  Future<Answer> unsubscribe(JsonNode params) {
    ClientSubscription client = byId.get(params.path(0).asText(""));
    if (client == null) {
      return Future.succeededFuture(error(RpcError.SUBSCRIPTION_NOT_FOUND.exception()));
    }
    return client.end().map(v -> new Answer(BooleanNode.TRUE, null));
  }

  /** The answers of messages up to {@code sequence} are written: their subscriptions may speak. */
  public void announced(long sequence) {
    unannounced.keySet().removeIf(s -> {
      if (s <= sequence) {
        unannounced.getOrDefault(s, List.of()).forEach(ClientSubscription::announce);
        return true;
      }
      return false;
    });
  }

  /** The connection closed: every subscription ends and releases its upstream share. */
  /** Subscriptions open on this connection. */
  public int count() {
    return byId.size();
  }

  public Future<Void> closeAll() {
    List<Future<Void>> ends = new ArrayList<>();
    new ArrayList<>(byId.values()).forEach(c -> ends.add(c.end()));
    return Future.join(ends).mapEmpty();
  }

  /** Counts one more subscription, or throws the limit (connection, then tenant) it exceeds. */
  private void take() {
    int perConnection = quota.limits().perConnection();
    if (held.incrementAndGet() > perConnection) {
      held.decrementAndGet();
      throw RpcError.SUBSCRIPTION_LIMIT.withData("at most " + perConnection
          + " subscriptions per connection (server.ws.maxSubscriptionsPerConnection)");
    }
    try {
      quota.take(principal);
    } catch (RpcException refused) {
      held.decrementAndGet();
      throw refused;
    }
  }

  private void give() {
    held.decrementAndGet();
    quota.give(principal);
  }

  private static Answer error(RpcException e) {
    return new Answer(null, e.body().toJson());
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
