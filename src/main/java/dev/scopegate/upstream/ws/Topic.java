package dev.scopegate.upstream.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.RpcException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One upstream subscription (one set of canonical params) and the sinks that share it. Its
 * upstream id changes with each connection; its sinks don't.
 */
final class Topic {
  private static final Logger LOG = LoggerFactory.getLogger(Topic.class);

  private final String key;
  private final JsonNode params;
  private final LogFeed logs;
  private final Set<Member> members = new LinkedHashSet<>();
  private final Promise<Void> ready = Promise.promise();
  private Member[] snapshot;
  private String upstreamId;
  private boolean closed;
  private int attempt;
  private long giveUpTimer = -1;

  Topic(String key, JsonNode params) {
    this.key = key;
    this.params = params;
    this.logs = params.path(0).asText().equals("logs") ? new LogFeed(this::fanOut) : null;
  }

  String key() {
    return key;
  }

  JsonNode params() {
    return params;
  }

  Optional<LogFeed> logs() {
    return Optional.ofNullable(logs);
  }

  /** Completes once the first eth_subscribe is confirmed; fails if it is refused. */
  Future<Void> ready() {
    return ready.future();
  }

  boolean confirmed() {
    return ready.future().succeeded();
  }

  void confirm() {
    ready.tryComplete();
  }

  void refuse(RpcException why) {
    closed = true;
    ready.tryFail(why);
  }

  Optional<String> upstreamId() {
    return Optional.ofNullable(upstreamId);
  }

  void bind(String id) {
    upstreamId = id;
  }

  /** The upstream subscription is gone with its connection; attempts under way are stale. */
  void lose() {
    upstreamId = null;
    attempt++;
    logs().ifPresent(LogFeed::abandon);
  }

  int nextAttempt() {
    return ++attempt;
  }

  boolean isCurrent(int attempt) {
    return !closed && this.attempt == attempt;
  }

  boolean closed() {
    return closed;
  }

  long giveUpTimer() {
    return giveUpTimer;
  }

  void giveUpTimer(long timer) {
    giveUpTimer = timer;
  }

  Member join(SubscriptionSink sink, Function<Member, Future<Void>> leave) {
    Member member = new Member(this, sink, leave);
    members.add(member);
    snapshot = null;
    return member;
  }

  /** True when {@code member} was the last active one. */
  boolean leave(Member member) {
    if (!member.deactivate()) {
      return false;
    }
    members.remove(member);
    snapshot = null;
    return members.isEmpty();
  }

  /** The result of one notification from the node. */
  void deliver(JsonNode result) {
    if (logs != null) {
      logs.live(result);
    } else {
      fanOut(result);
    }
  }

  /** No more notifications: every sink is told why. */
  void end(RpcException why) {
    closed = true;
    for (Member member : members()) {
      if (member.deactivate()) {
        member.sink().ended(why);
      }
    }
    members.clear();
    snapshot = null;
  }

  /** Established again after the socket was lost: every sink is told. */
  void resumed() {
    for (Member member : members()) {
      if (member.active()) {
        member.sink().resumed();
      }
    }
  }

  /** The last sink left: nobody to tell. */
  void close() {
    closed = true;
  }

  private void fanOut(JsonNode result) {
    Notification shared = Notification.of(result);
    for (Member member : members()) {
      if (!member.active()) {
        continue; // cancelled by an earlier sink during this fan-out
      }
      try {
        member.sink().notification(shared);
      } catch (RuntimeException e) {
        LOG.warn("a subscription sink failed: {}", e.getClass().getName());
      }
    }
  }

  // Copy-on-change: a sink may cancel (itself or another) while being called.
  private Member[] members() {
    if (snapshot == null) {
      snapshot = members.toArray(new Member[0]);
    }
    return snapshot;
  }
}
