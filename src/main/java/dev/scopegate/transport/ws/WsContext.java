package dev.scopegate.transport.ws;

import dev.scopegate.jsonrpc.RequestDecoder;
import dev.scopegate.pipeline.CallObserver;
import dev.scopegate.policy.Policy;
import dev.scopegate.privacy.PrivacyResolver;
import dev.scopegate.upstream.Upstream;
import dev.scopegate.upstream.ws.SharedWsUpstream;
import java.time.Duration;
import java.util.Optional;

/**
 * What every WebSocket connection shares: the policy, the node (for calls), the shared upstream
 * socket (for subscriptions, when {@code upstream.ws} is set), the limits, and what observes
 * their calls (metrics).
 */
public record WsContext(
    Policy policy,
    Upstream node,
    Optional<SharedWsUpstream> subscriptions,
    RequestDecoder decoder,
    LogVisibility visibility,
    Duration idleTimeout,
    Duration clockSkew,
    Duration holdLimit,
    long maxMessageBytes,
    CallObserver observer) {

  /** Bytes a client may leave unread before it is closed as too slow. */
  static final int QUEUE_BYTES = 4 * 1024 * 1024;

  public static WsContext of(
      Policy policy,
      Upstream node,
      Optional<SharedWsUpstream> subscriptions,
      RequestDecoder decoder,
      PrivacyResolver resolver,
      Duration idleTimeout,
      Duration clockSkew,
      Duration holdLimit,
      long maxMessageBytes,
      CallObserver observer) {
    return new WsContext(
        policy, node, subscriptions, decoder, new LogVisibility(resolver), idleTimeout, clockSkew,
        holdLimit, maxMessageBytes, observer);
  }
}
