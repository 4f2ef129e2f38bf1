package dev.scopegate.privacy;

import dev.scopegate.config.Config;
import dev.scopegate.mode.NodeMode;
import dev.scopegate.mode.NodeModes;
import dev.scopegate.upstream.ws.SharedWsUpstream;
import dev.scopegate.upstream.Backoff;
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
  private static final Duration RETRY_OPEN_MAX = Duration.ofSeconds(60);

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
  private final Backoff retry = new Backoff(RETRY_OPEN, RETRY_OPEN_MAX);
  private volatile boolean retrying;
  private final String upstreamName;

  private final HeadFollower heads;
  private final NodeModes modes;

  private PrivacyService(Vertx vertx, Config config, Upstream upstream, NodeModes modes) {
    this.modes = modes;
    this.vertx = vertx;
    this.upstreamName = config.upstream().http().getHost() + ":" + config.upstream().http().getPort();
    this.node = new NodeRpc(upstream);
    this.heads = new HeadFollower(node);
    this.tessera =
        config.upstream().privacyManager().map(pm -> TesseraClient.create(vertx, pm, config.upstream().timeout()));
    this.config = config.privacy().index();
    this.extenderCode = ExtenderCode.of(config.privacy().extenderCodeHashes());
    this.resolver =
        new PrivacyResolver(vertx, node, tessera, () -> index, () -> capabilities, modes::current, this.config.maxWait());
    this.pinner = new BlockPinner(heads);
    this.callTraces = new CallTraceProbe(node);
  }

  public static Future<PrivacyService> start(Vertx vertx, Config config, Upstream upstream, boolean reindex) {
    return start(vertx, config, upstream, Optional.empty(), NodeModes.fixed(NodeMode.SINGLE), reindex);
  }

  /** As above; with the node's WebSocket ({@code heads}) the index follows new heads by subscription. */
  public static Future<PrivacyService> start(
      Vertx vertx, Config config, Upstream upstream, Optional<SharedWsUpstream> heads, NodeModes modes,
      boolean reindex) {
    PrivacyService service = new PrivacyService(vertx, config, upstream, modes);
    service.heads.follow(heads);
    service.heads.onResumed(service::recheckMode);
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

  /**
   * Starts loading RocksDB's native library on a worker thread, when the index will likely be
   * opened (a privacy manager configured, the mode not pinned to one without an index): the load
   * copies ~14 MiB out of the jar and links it, over a second of CPU, which then overlaps the
   * node's probes instead of following them. Its outcome is the index's own open's to report.
   */
  public static void preload(Vertx vertx, Config config) {
    boolean indexLikely = config.upstream().privacyManager().isPresent()
        && config.upstream().mode().map(mode -> mode == NodeMode.SINGLE).orElse(true);
    if (indexLikely) {
      vertx.executeBlocking(RocksKeyValues::loadLibrary, false);
    }
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

  /** The node's mode; empty until the node has told. */
  public Optional<NodeMode> mode() {
    return modes.current();
  }

  /** The node's head as followed from its {@code newHeads} (the limits' block ranges read it). */
  public HeadFollower heads() {
    return heads;
  }

  /** What the node was found to serve (nothing assumed until the index opens). */
  public NodeCapabilities capabilities() {
    return capabilities;
  }

  /** The index, once open. */
  public Optional<PrivacyIndex> index() {
    return index;
  }

  /**
   * Detects the node's mode and what it serves; with private state (and a Tessera) opens the
   * index and starts it. A node without private state needs neither index nor Tessera.
   */
  private Future<Void> open(boolean reindex) {
    Optional<NodeMode> mode = modes.current();
    if (mode.isEmpty()) {
      return Future.failedFuture(new IllegalStateException("the node's mode is not known yet"));
    }
    if (retrying) {
      LOG.info("the node at upstream.http {} answers now", upstreamName);
    }
    if (mode.get() == NodeMode.MPS) {
      LOG.info("multiple private states: the node isolates each tenant's state; no privacy index");
      return Future.succeededFuture();
    }
    if (mode.get() == NodeMode.PUBLIC) {
      return Future.succeededFuture(); // no private state: neither index nor Tessera needed
    }
    return NodeCapabilities.detect(node).compose(caps -> {
      capabilities = caps;
      LOG.info("node capabilities: {}", caps.describe());
      if (tessera.isEmpty()) {
        LOG.warn("no upstream.privacyManager: who is party to private contracts cannot be learnt;"
            + " tenants are refused every private contract");
      }
      // learnt before the start completes; when it cannot be, it is asked again when needed
      return resolver.wording().learn().<Void>mapEmpty().otherwiseEmpty()
          .compose(v -> tessera.map(tm -> openIndex(tm, caps, reindex)).orElse(Future.succeededFuture()));
    });
  }

  /**
   * After the node's socket came back the node may be another one: its mode is asked again. Only
   * a definite answer changes it; a node that became private opens the index.
   */
  private void recheckMode() {
    if (stopped) {
      return;
    }
    if (index.isPresent()) {
      resolver.wording().learn(); // it may be another node, with other wording
      if (capabilities.traceCall()) {
        callTraces.reconnected();
      }
    }
    modes.recheck().onSuccess(now -> {
      if (!stopped && now.equals(Optional.of(NodeMode.SINGLE)) && index.isEmpty()) {
        open(false).onFailure(this::retryLater); // private facts fail closed until the index is open
      }
    });
  }

  private Future<Void> openIndex(TesseraClient tm, NodeCapabilities caps, boolean reindex) {
    return IdentityReader.read(node, tm)
        .compose(identity -> vertx.executeBlocking(() -> RocksIndexStore.open(config.path(), identity, reindex)))
        .map(store -> {
          PrivacyIndex opened = new PrivacyIndex(
              vertx, node, new BlockReader(node, tm, caps, extenderCode), store, config.fromBlock(), config.pollInterval(),
              heads::known);
          opened.onChange(resolver::invalidate);
          opened.onChange(changed -> {
            if (changed.isEmpty()) {
              heads.chainChanged(); // a rollback: what was learnt of the dropped blocks is stale
            }
          });
          if (caps.traceCall()) {
            opened.onChange(changed -> changed.ifPresent(addresses -> addresses.forEach(callTraces::privateContract)));
          }
          index = Optional.of(opened);
          opened.start();
          heads.onHead(opened::newHead);
          opened.newHead();
          return null;
        });
  }

  /**
   * Retries with a doubling delay up to {@link #RETRY_OPEN_MAX}. Said once, with what to do: a
   * node that is simply not up yet must not fill the log with the same lines every two seconds.
   */
  private void retryLater(Throwable cause) {
    if (stopped) {
      return;
    }
    if (!retrying) {
      retrying = true;
      LOG.warn("the node at upstream.http {} does not answer yet ({}); tenants' private calls are"
              + " refused with a retriable error until it does. Check that the node runs and that"
              + " upstream.http (SCOPEGATE_UPSTREAM_HTTP) points at it; retrying with backoff up to"
              + " every {}s, quietly", upstreamName, cause.getMessage(), RETRY_OPEN_MAX.toSeconds());
    } else {
      LOG.debug("node capabilities or privacy index not ready yet: {}", cause.getMessage());
    }
    retryTimer = vertx.setTimer(retry.next(), t -> open(false).onFailure(e -> {
      if (isFatal(e)) {
        LOG.error("privacy index cannot open: {}; tenants are refused every private contract", e.getMessage());
      } else {
        retryLater(e);
      }
    }));
  }

  private static boolean isFatal(Throwable cause) {
    return cause instanceof IndexStoreException;
  }

  public Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(retryTimer);
    heads.stop();
    // The index is told first, so that a read it has in flight, cut short by closing Tessera's
    // client, ends quietly rather than as a failure.
    Future<Void> indexStopped = index.map(PrivacyIndex::stop).orElse(Future.succeededFuture());
    tessera.ifPresent(TesseraClient::close);
    return indexStopped;
  }
}
