package dev.scopegate.upstream.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every live subscription, found by canonical params (to share) and by upstream id (to route
 * notifications). Identical params make one upstream eth_subscribe, whatever the number of sinks.
 */
final class Topics {
  private final Subscriber subscriber;
  private final Function<Member, Future<Void>> cancel;
  private final Map<String, Topic> byKey = new HashMap<>();
  private final Map<String, Topic> byUpstreamId = new HashMap<>();

  /** {@code cancel} is what a {@link Member}'s cancel does (it hops to this context first). */
  Topics(Subscriber subscriber, Function<Member, Future<Void>> cancel) {
    this.subscriber = subscriber;
    this.cancel = cancel;
  }

  /** The sink's share, once the upstream subscription is confirmed. */
  Future<Subscription> join(JsonNode params, SubscriptionSink sink) {
    if (!params.isArray() || !params.path(0).isTextual()) {
      String why = "eth_subscribe params start with the subscription type";
      return Future.failedFuture(RpcError.INVALID_PARAMS.withData(why));
    }
    String key = CanonicalJson.of(params);
    Topic topic = byKey.get(key);
    if (topic == null) {
      topic = new Topic(key, params.deepCopy());
      byKey.put(key, topic);
      establish(topic);
    }
    Member member = topic.join(sink, cancel);
    return topic.ready().map(confirmed -> member);
  }

  private void establish(Topic topic) {
    boolean logs = topic.logs().isPresent();
    subscriber
        .subscribe(topic.params(), logs)
        .onComplete(
            confirmed -> {
              if (confirmed.succeeded() && topic.closed()) {
                subscriber.unsubscribe(confirmed.result().id());
              } else if (confirmed.failed()) {
                byKey.remove(topic.key(), topic);
                topic.refuse(firstFailure(confirmed.cause()));
              } else {
                bind(topic, confirmed.result().id());
                topic.logs().ifPresent(feed -> feed.subscribedAt(confirmed.result().head()));
                topic.confirm();
              }
            });
  }

  private static RpcException firstFailure(Throwable cause) {
    if (cause instanceof NodeRefused refused) {
      return RpcError.INVALID_PARAMS.withData(refused.nodeMessage());
    }
    if (cause instanceof RpcException known) {
      return known;
    }
    return RpcError.UPSTREAM_BAD_RESPONSE.withData("eth_subscribe failed");
  }

  /** A sink leaves; the last one out unsubscribes upstream. */
  Future<Void> leave(Member member) {
    Topic topic = member.topic();
    if (!topic.leave(member)) {
      return Future.succeededFuture();
    }
    byKey.remove(topic.key(), topic);
    topic.close();
    return topic
        .upstreamId()
        .map(id -> unbindAndUnsubscribe(topic, id))
        .orElse(Future.succeededFuture());
  }

  void notification(String upstreamId, JsonNode result) {
    Topic topic = byUpstreamId.get(upstreamId);
    if (topic != null) {
      topic.deliver(result);
    }
  }

  void bind(Topic topic, String upstreamId) {
    topic.bind(upstreamId);
    byUpstreamId.put(upstreamId, topic);
  }

  void unbind(Topic topic) {
    topic.upstreamId().ifPresent(id -> byUpstreamId.remove(id, topic));
    topic.lose();
  }

  private Future<Void> unbindAndUnsubscribe(Topic topic, String upstreamId) {
    unbind(topic);
    return subscriber.unsubscribe(upstreamId);
  }

  /** Ends a subscription that cannot be re-established; its sinks learn why. */
  void end(Topic topic, RpcException why) {
    byKey.remove(topic.key(), topic);
    topic.upstreamId().ifPresent(id -> unbindAndUnsubscribe(topic, id));
    topic.end(why);
  }

  /** Topics whose sinks have their Subscription (first eth_subscribe confirmed). */
  List<Topic> confirmed() {
    return byKey.values().stream().filter(Topic::confirmed).toList();
  }

  void endAll(RpcException why) {
    List<Topic> all = List.copyOf(byKey.values());
    byKey.clear();
    byUpstreamId.clear();
    all.forEach(topic -> topic.end(why));
  }
}
