package dev.scopegate.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.config.Config;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.upstream.ws.SharedWsUpstream;
import dev.scopegate.upstream.ws.Subscription;
import dev.scopegate.upstream.ws.SubscriptionSink;
import dev.scopegate.upstream.Upstream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The privacy layer as the server sees it: the resolver and the block pinner at once, the index
 * as soon as the node and Tessera answer. A store from another chain or Tessera, or a node with
 * multiple private states, stops startup; an unreachable node or Tessera does not (the index
 * opens when they answer, and tenants' private calls fail with a retriable error meanwhile).
 */
public final class PrivacyService {
  private static final Logger LOG = LoggerFactory.getLogger(PrivacyService.class);
  private static final Duration RETRY_OPEN = Duration.ofSeconds(2);

  private final Vertx vertx;
  private final NodeRpc node;
  private final Optional<TesseraClient> tessera;
  private final Config.Index config;
  private final ExtenderCode extenderCode;
  private final CallTraceProbe callTraces;
  private final PrivacyResolver resolver;
  private final BlockPinner pinner;
  private volatile Optional<PrivacyIndex> index = Optional.empty();
  private volatile NodeCapabilities capabilities = NodeCapabilities.UNKNOWN;
  private volatile boolean stopped;
  private volatile long retryTimer = -1;

  private final Optional<SharedWsUpstream> heads;
  private volatile Optional<Subscription> headSubscription = Optional.empty();

  private PrivacyService(Vertx vertx, Config config, Upstream upstream, Optional<SharedWsUpstream> heads) {
    this.heads = heads;
    this.vertx = vertx;
    this.node = new NodeRpc(upstream);
    this.tessera =
        config.upstream().privacyManager().map(pm -> TesseraClient.create(vertx, pm, config.upstream().timeout()));
    this.config = config.privacy().index();
    this.extenderCode = ExtenderCode.of(config.privacy().extenderCodeHashes());
    this.resolver =
        new PrivacyResolver(vertx, node, tessera, () -> index, () -> capabilities, this.config.maxWait());
    this.pinner = new BlockPinner(node);
    this.callTraces = new CallTraceProbe(node);
  }

  public static Future<PrivacyService> start(Vertx vertx, Config config, Upstream upstream, boolean reindex) {
    return start(vertx, config, upstream, Optional.empty(), reindex);
  }

  /** As above; with the node's WebSocket ({@code heads}) the index follows new heads by subscription. */
  public static Future<PrivacyService> start(
      Vertx vertx, Config config, Upstream upstream, Optional<SharedWsUpstream> heads, boolean reindex) {
    PrivacyService service = new PrivacyService(vertx, config, upstream, heads);
    if (service.tessera.isEmpty()) {
      LOG.warn("no upstream.privacyManager: who is party to private contracts cannot be learnt;"
          + " tenants are refused every private contract");
    }
    return service.open(reindex).transform(opened -> {
      if (opened.succeeded()) {
        return Future.succeededFuture(service);
      }
      if (isFatal(opened.cause())) {
        return Future.failedFuture(opened.cause());
      }
      service.retryLater(opened.cause());
      return Future.succeededFuture(service);
    });
  }

  public PrivacyResolver resolver() {
    return resolver;
  }

  public BlockPinner pinner() {
    return pinner;
  }

  public Optional<IndexStatus> status() {
    return index.map(PrivacyIndex::status);
  }

  public NodeRpc node() {
    return node;
  }

  public Optional<TesseraClient> tessera() {
    return tessera;
  }

  /** What the node was found to serve (nothing assumed until the index opens). */
  public NodeCapabilities capabilities() {
    return capabilities;
  }

  /** The index, once open. */
  public Optional<PrivacyIndex> index() {
    return index;
  }

  /** Detects what the node serves, then (with a Tessera) opens the index and starts it. */
  private Future<Void> open(boolean reindex) {
    return NodeCapabilities.detect(node).compose(caps -> {
      if (caps.multiplePrivateStates()) {
        return Future.failedFuture(new MultiplePrivateStatesException());
      }
      capabilities = caps;
      LOG.info("node capabilities: {}", caps.describe());
      // learnt before the start completes; when it cannot be, it is asked again when needed
      return resolver.wording().learn().<Void>mapEmpty().otherwiseEmpty()
          .compose(v -> tessera.map(tm -> openIndex(tm, caps, reindex)).orElse(Future.succeededFuture()));
    });
  }

  private Future<Void> openIndex(TesseraClient tm, NodeCapabilities caps, boolean reindex) {
    return IdentityReader.read(node, tm)
        .compose(identity -> vertx.executeBlocking(() -> RocksIndexStore.open(config.path(), identity, reindex)))
        .map(store -> {
          PrivacyIndex opened = new PrivacyIndex(
              vertx, node, new BlockReader(node, tm, caps, extenderCode), store, config.fromBlock(), config.pollInterval());
          opened.onChange(resolver::invalidate);
          if (caps.traceCall()) {
            opened.onChange(changed -> changed.ifPresent(addresses -> addresses.forEach(callTraces::privateContract)));
          }
          index = Optional.of(opened);
          opened.start();
          followHeads(opened);
          return null;
        });
  }

  /**
   * New heads wake the index; polling stays as the fallback. A head that came before the
   * subscription took effect, or while the upstream socket was down, has no notification: the
   * index looks once when the subscription is (re-)established.
   */
  private void followHeads(PrivacyIndex opened) {
    heads.ifPresent(ws -> ws.subscribe(Json.MAPPER.createArrayNode().add("newHeads"), new SubscriptionSink() {
      @Override
      public void notification(JsonNode result) {
        opened.newHead();
      }

      @Override
      public void resumed() {
        opened.newHead();
        resolver.wording().learn();
        if (capabilities.traceCall()) {
          callTraces.reconnected();
        }
      }

      @Override
      public void ended(RpcException why) {
        LOG.warn("newHeads subscription ended ({}); the privacy index polls every {}",
            why.getMessage(), config.pollInterval());
      }
    }).onSuccess(s -> {
      headSubscription = Optional.of(s);
      opened.newHead();
    })
        .onFailure(e -> LOG.warn("cannot subscribe to newHeads ({}); the privacy index polls every {}",
            e.getMessage(), config.pollInterval())));
  }

  private void retryLater(Throwable cause) {
    if (stopped) {
      return;
    }
    LOG.warn("node capabilities or privacy index not ready yet ({}); retrying every {}s",
        cause.getMessage(), RETRY_OPEN.toSeconds());
    retryTimer = vertx.setTimer(RETRY_OPEN.toMillis(), t -> open(false).onFailure(e -> {
      if (isFatal(e)) {
        LOG.error("privacy index cannot open: {}; tenants are refused every private contract", e.getMessage());
      } else {
        retryLater(e);
      }
    }));
  }

  private static boolean isFatal(Throwable cause) {
    return cause instanceof IndexStoreException || cause instanceof MultiplePrivateStatesException;
  }

  public Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(retryTimer);
    tessera.ifPresent(TesseraClient::close);
    headSubscription.ifPresent(Subscription::cancel);
    return index.map(PrivacyIndex::stop).orElse(Future.succeededFuture());
  }
}
