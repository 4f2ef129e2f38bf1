package dev.scopegate.transport.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.upstream.ws.Notification;
import dev.scopegate.upstream.ws.Subscription;
import dev.scopegate.upstream.ws.SubscriptionSink;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One client's subscription: receives the shared upstream's notifications, passes a tenant's logs
 * through the same visibility rule as {@code eth_getLogs}, and delivers them in order. A log whose
 * privacy fact cannot be resolved yet is held and retried (bounded), never dropped and never
 * leaked; if it still cannot be resolved the client gets an error notification and the
 * subscription ends.
 *
 * <p>A notification is written as text around the result's shared encoding ({@link
 * Notification#json}): the same bytes the envelope's tree would give, without writing the result
 * again for every subscriber. Whether a tenant may see a log is decided once per log for each
 * distinct principal (connections with the same token share it), never across principals.
 */
final class ClientSubscription implements SubscriptionSink {
  private static final Duration FIRST_RETRY = Duration.ofMillis(200);

  /** Whether a log may be shown: equal questions have the same answer. */
  private record Question(LogVisibility visibility, Duration holdLimit, Principal principal) {}

  private final Vertx vertx;
  private final String id;
  private final Principal principal;
  private final boolean logs;
  private final LogVisibility visibility;
  private final Duration holdLimit;
  private final Outbox outbox;
  private final Consumer<ClientSubscription> onEnd;
  private final Promise<Void> announced = Promise.promise();
  /** The envelope's text up to the result: {@code {"jsonrpc":"2.0",...,"result":}. */
  private final String head;
  private Future<Void> delivered;
  private volatile Subscription upstream;
  private volatile boolean ended;

  ClientSubscription(
      Vertx vertx, String id, Principal principal, boolean logs, LogVisibility visibility,
      Duration holdLimit, Outbox outbox, Consumer<ClientSubscription> onEnd) {
    this.vertx = vertx;
    this.id = id;
    this.principal = principal;
    this.logs = logs;
    this.visibility = visibility;
    this.holdLimit = holdLimit;
    this.outbox = outbox;
    this.onEnd = onEnd;
    this.delivered = announced.future();
    this.head = "{\"jsonrpc\":\"2.0\",\"method\":\"eth_subscription\",\"params\":{\"subscription\":"
        + Json.string(TextNode.valueOf(id)) + ",\"result\":";
  }

  String id() {
    return id;
  }

  void attach(Subscription subscription) {
    this.upstream = subscription;
  }

  /** Notifications wait until the answer that named this subscription has been written. */
  void announce() {
    announced.tryComplete();
  }

  @Override
  public void notification(JsonNode result) {
    notification(Notification.of(result));
  }

  @Override
  public void notification(Notification shared) {
    if (ended) {
      return;
    }
    boolean filtered = logs && !principal.isOperator();
    if (!filtered && delivered.succeeded()) {
      write(shared); // nothing waits before it: no future to chain, in order
      return;
    }
    // the same question (rule, bound, principal with every field equal) of the same log: asked once
    Future<Boolean> show = filtered
        ? shared.decidedOnce(new Question(visibility, holdLimit, principal),
            q -> held(shared.result(), FIRST_RETRY, System.nanoTime() + holdLimit.toNanos()))
        : Future.succeededFuture(true);
    delivered = delivered.compose(v -> show).compose(visible -> {
      if (visible) {
        write(shared);
      }
      return Future.<Void>succeededFuture();
    }, failure -> {
      fail(failure instanceof RpcException known ? known : RpcError.PRIVACY_UNAVAILABLE.exception());
      return Future.succeededFuture();
    });
  }

  private void write(Notification shared) {
    if (!ended && !outbox.sendText(head + shared.json() + "}}")) {
      end();
    }
  }

  /** The log's visibility, retried with backoff while the privacy fact is unavailable. */
  private Future<Boolean> held(JsonNode log, Duration wait, long deadline) {
    return visibility.visible(principal, log).recover(failure -> {
      if (System.nanoTime() + wait.toNanos() > deadline) {
        return Future.failedFuture(failure);
      }
      return vertx.timer(wait.toMillis()).compose(t -> held(log, wait.multipliedBy(2), deadline));
    });
  }

  @Override
  public void ended(RpcException why) {
    delivered = delivered.andThen(done -> fail(why));
  }

  private void fail(RpcException why) {
    if (ended) {
      return;
    }
    ObjectNode error = Json.MAPPER.createObjectNode().put("code", why.error().code()).put("message", why.getMessage());
    outbox.send(envelope("error", error));
    end();
  }

  /** Stops delivering and releases the upstream subscription. */
  Future<Void> end() {
    if (ended) {
      return Future.succeededFuture();
    }
    ended = true;
    onEnd.accept(this);
    Subscription shared = upstream;
    return shared == null ? Future.succeededFuture() : shared.cancel();
  }

  private ObjectNode envelope(String field, JsonNode value) {
    ObjectNode params = Json.MAPPER.createObjectNode().put("subscription", id);
    params.set(field, value);
    ObjectNode message = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0").put("method", "eth_subscription");
    message.set("params", params);
    return message;
  }
}
