package dev.scopegate.transport.ws;

import dev.scopegate.jsonrpc.RequestDecoder;
import dev.scopegate.pipeline.Dispatcher;
import dev.scopegate.privacy.PrivacyResolver;
import dev.scopegate.upstream.Upstream;
import dev.scopegate.upstream.ws.SharedWsUpstream;
import java.time.Duration;
import java.util.Optional;

/**
 * What every WebSocket connection shares: the pipeline (policy and metrics, forwarding to the
 * node), the node itself, the shared upstream socket (for subscriptions, when {@code upstream.ws}
 * is set), and the limits.
 */
public record WsContext(
    Dispatcher dispatcher,
    Upstream node,
    Optional<SharedWsUpstream> subscriptions,
    RequestDecoder decoder,
    LogVisibility visibility,
    Duration idleTimeout,
    Duration clockSkew,
    Duration holdLimit,
    long maxMessageBytes,
    SubscriptionQuota quota) {

  /** The same, with the pipeline and node of one connection's route (no PSI). */
  public WsContext routed(Dispatcher routedDispatcher, Upstream routedNode) {
    return new WsContext(routedDispatcher, routedNode, subscriptions, decoder, visibility, idleTimeout,
        clockSkew, holdLimit, maxMessageBytes, quota);
  }

  /**
   * Routed to one PSI of a node with multiple private states: its subscriptions go to that PSI's
   * shared socket ({@code psiSocket}, when subscriptions are served at all) and the node alone
   * decides which logs they carry.
   */
  public WsContext routedToPsi(Dispatcher routedDispatcher, Upstream routedNode, SharedWsUpstream psiSocket) {
    return new WsContext(routedDispatcher, routedNode, subscriptions.map(s -> psiSocket), decoder,
        LogVisibility.NODE_ISOLATES, idleTimeout, clockSkew, holdLimit, maxMessageBytes, quota);
  }

  /** Bytes a client may leave unread before it is closed as too slow. */
  static final int QUEUE_BYTES = 4 * 1024 * 1024;

  public static WsContext of(
      Dispatcher dispatcher,
      Upstream node,
      Optional<SharedWsUpstream> subscriptions,
      RequestDecoder decoder,
      PrivacyResolver resolver,
      Duration idleTimeout,
      Duration clockSkew,
      Duration holdLimit,
      long maxMessageBytes,
      SubscriptionQuota quota) {
    return new WsContext(
        dispatcher, node, subscriptions, decoder, new LogVisibility(resolver), idleTimeout,
        clockSkew, holdLimit, maxMessageBytes, quota);
  }
}
