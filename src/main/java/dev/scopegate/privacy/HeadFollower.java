package dev.scopegate.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.upstream.ws.SharedWsUpstream;
import dev.scopegate.upstream.ws.Subscription;
import dev.scopegate.upstream.ws.SubscriptionSink;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's head as its {@code newHeads} subscription announces it, so that pinning a tenant's
 * call to a block needs no {@code eth_blockNumber} per call. The head is known only while the
 * subscription is live; before it is established, after the socket was lost and until the node
 * answers again, it is unknown and callers ask the node (the fallback). Whoever wants to act on
 * a new head (the privacy index) or on the node's socket coming back (mode detection) listens.
 */
public final class HeadFollower {
  private static final Logger LOG = LoggerFactory.getLogger(HeadFollower.class);
  private static final long UNKNOWN = -1;

  private final NodeRpc node;
  private final List<Runnable> onHead = new CopyOnWriteArrayList<>();
  private final List<Runnable> onResumed = new CopyOnWriteArrayList<>();
  private volatile long head = UNKNOWN;
  private volatile Optional<Subscription> subscription = Optional.empty();
  /**
   * Bumped whenever the followed chain may have changed below the head: a header that is not the
   * child of the last one announced (a reorganisation, a gap), the socket lost or back, a rollback
   * of the index. Facts learnt of a block stay exact while it is unchanged.
   */
  private long lineage;
  private long lastNumber = UNKNOWN;
  private String lastHash;

  public HeadFollower(NodeRpc node) {
    this.node = node;
  }

  /** Follows the node's heads over {@code ws}; without it the head stays unknown. */
  void follow(Optional<SharedWsUpstream> ws) {
    ws.ifPresent(upstream -> upstream.subscribe(Json.MAPPER.createArrayNode().add("newHeads"), new SubscriptionSink() {
      @Override
      public void notification(JsonNode header) {
        try {
          announced(ChainFormat.quantity(header.path("number")), header.path("hash").asText(null),
              header.path("parentHash").asText(null));
        } catch (RuntimeException malformed) {
          head = UNKNOWN;
          chainChanged();
        }
        onHead.forEach(Runnable::run);
      }

      @Override
      public void resumed() {
        head = UNKNOWN;
        chainChanged();
        lookOnce();
        onResumed.forEach(Runnable::run);
      }

      @Override
      public void ended(RpcException why) {
        head = UNKNOWN;
        chainChanged();
        LOG.warn("newHeads subscription ended ({}); heads are asked of the node per call", why.getMessage());
      }
    }).onSuccess(s -> {
      subscription = Optional.of(s);
      lookOnce();
    }).onFailure(e -> LOG.warn("cannot subscribe to newHeads ({}); heads are asked of the node per call", e.getMessage())));
  }

  /** A head that came before the subscription took effect, or while the socket was down, has no notification. */
  private void lookOnce() {
    node.call("eth_blockNumber").onComplete(number -> {
      if (number.succeeded() && head == UNKNOWN) {
        head = ChainFormat.quantity(number.result());
      }
      onHead.forEach(Runnable::run);
    });
  }

  /** A header announced: the same lineage only when it is the child of the last one announced. */
  private synchronized void announced(long number, String hash, String parentHash) {
    boolean child = lastHash != null && number == lastNumber + 1 && lastHash.equalsIgnoreCase(parentHash);
    if (!child) {
      lineage++;
    }
    lastNumber = number;
    lastHash = hash;
    head = number;
  }

  /** Whatever was learnt of any block may be stale now (a rollback, the socket lost). */
  synchronized void chainChanged() {
    lineage++;
    lastHash = null;
  }

  /**
   * The lineage of the chain as followed: facts learnt of a block at one lineage hold for that
   * block while it is unchanged. Empty while the head is not followed (nothing would tell of a
   * reorganisation then).
   */
  public synchronized OptionalLong lineage() {
    return head == UNKNOWN ? OptionalLong.empty() : OptionalLong.of(lineage);
  }

  /**
   * A block number the node itself answered with (its {@code eth_blockNumber}, a receipt): a
   * client that saw it may read at {@code latest} next and must not be pinned below it, even if
   * the announcement is still on its way.
   */
  public void seen(long number) {
    long now = head;
    if (now != UNKNOWN && number > now) {
      head = number; // a racing notification may lower it back to the announced head: still a real block
    }
  }

  /** The head as last announced, while the subscription is live. */
  public OptionalLong known() {
    long now = head;
    return now == UNKNOWN ? OptionalLong.empty() : OptionalLong.of(now);
  }

  /** The head: as announced, else asked of the node. */
  public Future<Long> head() {
    long now = head;
    return now == UNKNOWN ? node.call("eth_blockNumber").map(ChainFormat::quantity) : Future.succeededFuture(now);
  }

  void onHead(Runnable listener) {
    onHead.add(listener);
  }

  void onResumed(Runnable listener) {
    onResumed.add(listener);
  }

  void stop() {
    subscription.ifPresent(Subscription::cancel);
  }
}
