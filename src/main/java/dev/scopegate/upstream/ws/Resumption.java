package dev.scopegate.upstream.ws;

import dev.scopegate.jsonrpc.RpcError;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscriptions across reconnects. When the socket comes back each one is subscribed again under
 * a new upstream id, its sinks unchanged; logs are backfilled from where they stopped; newHeads
 * resume at the new head (heads produced while disconnected are skipped). A subscription the
 * node refuses again, or that stays lost longer than the bound, is ended.
 */
final class Resumption {
  private static final Logger LOG = LoggerFactory.getLogger(Resumption.class);

  private final Vertx vertx;
  private final Topics topics;
  private final Subscriber subscriber;
  private final long giveUpMs;

  Resumption(Vertx vertx, Topics topics, Subscriber subscriber, Duration giveUpAfter) {
    this.vertx = vertx;
    this.topics = topics;
    this.subscriber = subscriber;
    this.giveUpMs = giveUpAfter.toMillis();
  }

  void lost() {
    for (Topic topic : topics.confirmed()) {
      topics.unbind(topic);
      if (topic.giveUpTimer() == -1) {
        topic.giveUpTimer(vertx.setTimer(giveUpMs, t -> giveUp(topic)));
      }
    }
  }

  void opened() {
    List<Topic> lost = topics.confirmed().stream().filter(t -> t.upstreamId().isEmpty()).toList();
    if (!lost.isEmpty()) {
      LOG.info("re-establishing {} subscription(s) on the node", lost.size());
    }
    lost.forEach(this::resubscribe);
  }

  private void resubscribe(Topic topic) {
    int attempt = topic.nextAttempt();
    boolean logs = topic.logs().isPresent();
    subscriber
        .subscribe(topic.params(), logs)
        .onSuccess(confirmed -> resumed(topic, attempt, confirmed))
        .onFailure(cause -> failed(topic, attempt, cause));
  }

  private void resumed(Topic topic, int attempt, Subscriber.Confirmed confirmed) {
    if (!topic.isCurrent(attempt)) {
      subscriber.unsubscribe(confirmed.id());
      return;
    }
    topics.bind(topic, confirmed.id());
    if (topic.logs().isEmpty()) {
      restored(topic);
      return;
    }
    LogFeed feed = topic.logs().get();
    feed.hold();
    long from = feed.resumeFrom().orElse(confirmed.head() + 1);
    if (from > confirmed.head()) {
      feed.backfill(List.of(), confirmed.head());
      restored(topic);
      return;
    }
    subscriber
        .logs(topic.params(), from, confirmed.head())
        .onSuccess(
            missed -> {
              if (topic.isCurrent(attempt)) {
                feed.backfill(missed, confirmed.head());
                restored(topic);
              }
            })
        .onFailure(cause -> failed(topic, attempt, cause));
  }

  private void restored(Topic topic) {
    vertx.cancelTimer(topic.giveUpTimer());
    topic.giveUpTimer(-1);
    topic.resumed();
  }

  private void failed(Topic topic, int attempt, Throwable cause) {
    if (!topic.isCurrent(attempt)) {
      return;
    }
    if (cause instanceof NodeRefused refused) {
      LOG.warn("the node refused to re-establish a subscription: {}", refused.getMessage());
      topics.end(
          topic,
          RpcError.UPSTREAM_UNREACHABLE.withData(
              "the node refused to re-establish the subscription: " + refused.getMessage()));
    } else if (topic.upstreamId().isPresent()) {
      // Subscribed but not backfilled (timeout): stay lost until the next connection or the bound.
      String id = topic.upstreamId().get();
      topics.unbind(topic);
      subscriber.unsubscribe(id);
    }
  }

  private void giveUp(Topic topic) {
    topic.giveUpTimer(-1);
    if (topic.closed()) {
      return;
    }
    LOG.warn("ending a subscription: not re-established within {} ms", giveUpMs);
    topics.end(
        topic,
        RpcError.UPSTREAM_UNREACHABLE.withData(
            "subscription lost: the node was not reachable again within " + giveUpMs + " ms"));
  }
}
