package dev.scopegate.upstream.ws;

import io.vertx.core.Future;
import java.util.function.Function;

/** One sink in a {@link Topic}; its handle for cancelling. Touched on the upstream's context. */
final class Member implements Subscription {
  private final Topic topic;
  private final SubscriptionSink sink;
  private final Function<Member, Future<Void>> leave;
  private boolean active = true;

  Member(Topic topic, SubscriptionSink sink, Function<Member, Future<Void>> leave) {
    this.topic = topic;
    this.sink = sink;
    this.leave = leave;
  }

  Topic topic() {
    return topic;
  }

  SubscriptionSink sink() {
    return sink;
  }

  boolean active() {
    return active;
  }

  /** True the first time only. */
  boolean deactivate() {
    boolean was = active;
    active = false;
    return was;
  }

  @Override
  public Future<Void> cancel() {
    return leave.apply(this);
  }
}
