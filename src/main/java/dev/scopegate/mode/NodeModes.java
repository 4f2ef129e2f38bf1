package dev.scopegate.mode;

import dev.scopegate.upstream.Backoff;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's mode, found once. A pinned mode ({@code upstream.mode}) is still checked against the
 * node: a mismatch stops startup. When the node cannot answer at start, Scopegate starts with the
 * mode unknown — tenants get a retriable error, operators pass — and asks again until it can tell.
 */
public final class NodeModes {
  private static final Logger LOG = LoggerFactory.getLogger(NodeModes.class);
  private static final Duration RETRY = Duration.ofSeconds(2);
  private static final Duration RETRY_MAX = Duration.ofSeconds(60);

  private final Vertx vertx;
  private final ModeProbe probe;
  private final Optional<NodeMode> pinned;
  private volatile Optional<NodeMode> mode = Optional.empty();
  private volatile boolean stopped;
  private volatile long timer = -1;
  private final Backoff backoff = new Backoff(RETRY, RETRY_MAX);
  private volatile boolean warned;

  private NodeModes(Vertx vertx, ModeProbe probe, Optional<NodeMode> pinned) {
    this.vertx = vertx;
    this.probe = probe;
    this.pinned = pinned;
  }

  /** Fails only on a mismatch with the pin; otherwise completes, the mode known or not yet. */
  public static Future<NodeModes> start(Vertx vertx, ModeProbe probe, Optional<NodeMode> pinned) {
    NodeModes modes = new NodeModes(vertx, probe, pinned);
    return modes.ask().map(modes);
  }

  /** A mode fixed from the outset (tests of one mode, against a scripted node). */
  public static NodeModes fixed(NodeMode mode) {
    NodeModes modes = new NodeModes(null, null, Optional.of(mode));
    modes.settle(mode);
    return modes;
  }

  public Optional<NodeMode> current() {
    return mode;
  }

  /** The startup line's words. */
  public String describe() {
    return mode.map(m -> m.description() + (pinned.isPresent() ? " (pinned, confirmed)" : " (detected)"))
        .orElse("mode not known yet (the node did not tell; asking again with backoff)");
  }

  private Future<Void> ask() {
    return probe.detect().transform(asked -> {
      Set<NodeMode> found = asked.succeeded() ? asked.result() : Set.of();
      if (!found.isEmpty()) {
        // several allowed (no eth_getPSI): a pin picks among them; auto takes the first
        NodeMode first = found.iterator().next();
        if (pinned.isPresent() && !found.contains(pinned.get())) {
          return Future.failedFuture(new ModeMismatchException(pinned.get(), first));
        }
        settle(pinned.orElse(first));
      } else {
        retryLater(asked.failed() ? asked.cause().getMessage() : "eth_getPSI answered nothing definite");
      }
      return Future.succeededFuture();
    });
  }

  /**
   * Asks again (the node's socket came back: it may be another node). Only a definite answer
   * changes the mode; a pinned mode is never changed, a contradiction is logged. Completes with
   * the mode now held, empty if still unknown.
   */
  public Future<Optional<NodeMode>> recheck() {
    if (probe == null || mode.isEmpty()) {
      return Future.succeededFuture(mode); // fixed, or the start's own asking is still under way
    }
    NodeMode before = mode.get();
    return probe.detect().map(found -> {
      if (found.size() != 1 || found.contains(before)) {
        return mode;
      }
      NodeMode now = found.iterator().next();
      if (pinned.isPresent()) {
        LOG.error("the node now answers as {}, but upstream.mode pins {}; kept", now.description(), before.description());
        return mode;
      }
      LOG.warn("node mode changed after the node's socket came back: {} -> {}", before.description(), now.description());
      mode = Optional.of(now);
      return mode;
    }).otherwise(e -> {
      LOG.warn("node mode not rechecked after reconnect ({}); stays {}", e.getMessage(), before.description());
      return mode;
    });
  }

  private void settle(NodeMode found) {
    if (timer != -1) {
      LOG.info("node mode now known: {}", found.description());
    }
    mode = Optional.of(found);
  }

  /**
   * Asks again with a doubling delay up to {@link #RETRY_MAX}; said once at WARN, with what to
   * check, then quietly: a node that is simply not up yet must not fill the log.
   */
  private void retryLater(String why) {
    if (stopped) {
      return;
    }
    if (!warned) {
      warned = true;
      LOG.warn("cannot tell the node's mode yet ({}); tenants are refused until it can be told. Check that"
          + " upstream.http points at the node; asking again with backoff up to every {}s", why, RETRY_MAX.toSeconds());
    } else {
      LOG.debug("node mode still unknown: {}", why);
    }
    timer = vertx.setTimer(backoff.next(), t -> ask().onFailure(mismatch -> LOG.error("{}; tenants stay refused", mismatch.getMessage())));
  }

  public void stop() {
    stopped = true;
    if (vertx != null) {
      vertx.cancelTimer(timer);
    }
  }
}
