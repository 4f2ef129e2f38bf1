package dev.scopegate.privacy;

import dev.scopegate.async.Futures;
import dev.scopegate.mode.NodeMode;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the rest of Scopegate asks about privacy: is this address a private contract and who is
 * party to it; who is party to this transaction. Not private means public; private with known
 * parties, those; private with parties not known yet, a bounded wait for the index, then a
 * retriable failure. Never public by default: only a node detected as having no private state at
 * all ({@link NodeMode#PUBLIC}) answers public without asking.
 */
public final class PrivacyResolver {
  private static final Logger LOG = LoggerFactory.getLogger(PrivacyResolver.class);
  private static final long CACHE_SIZE = 100_000;

  private final Vertx vertx;
  private final NodeRpc node;
  private final Optional<TesseraClient> tesseraClient;
  private final Supplier<Optional<PrivacyIndex>> indexSupplier;
  private final Supplier<NodeCapabilities> capabilities;
  private final Supplier<Optional<NodeMode>> mode;
  private final Duration maxWait;
  private final NotPrivateWording wording;
  /**
   * Only "private" answers stay: an address becomes private in a block, and stops being private
   * only when a reorganisation abandons that block (which drops every cached answer).
   */
  private final AsyncCache<String, PrivacyMetadata> metadata =
      Caffeine.newBuilder().recordStats().maximumSize(CACHE_SIZE).buildAsync();
  /**
   * "Public" answers, each valid up to the node head seen before the question: an address that
   * was not private at that moment was not private at any earlier block either.
   */
  private final Cache<String, Long> publicUpTo = Caffeine.newBuilder().recordStats().maximumSize(CACHE_SIZE).build();
  private final AsyncCache<String, Optional<ContractFact>> contracts =
      Caffeine.newBuilder().recordStats().maximumSize(CACHE_SIZE).buildAsync();
  /** Found transactions only: one not found yet may still be mined as a private one. */
  private final AsyncCache<String, TxPrivacy> transactions =
      Caffeine.newBuilder().recordStats().maximumSize(CACHE_SIZE).expireAfterWrite(Duration.ofMinutes(10)).buildAsync();

  /** The caches of privacy facts by name, for their hit and miss metrics. */
  public java.util.Map<String, Cache<?, ?>> caches() {
    return java.util.Map.of(
        "privacy_metadata", metadata.synchronous(),
        "privacy_public", publicUpTo,
        "privacy_contracts", contracts.synchronous(),
        "privacy_transactions", transactions.synchronous());
  }

  /** The node's answer for an address that is not private: what non-parties get. */
  public NotPrivateWording wording() {
    return wording;
  }

  /**
   * {@code index} and {@code capabilities} are read per question: the index opens in the
   * background once the node and Tessera answer; until then private facts are unavailable.
   */
  public PrivacyResolver(
      Vertx vertx,
      NodeRpc node,
      Optional<TesseraClient> tessera,
      Supplier<Optional<PrivacyIndex>> index,
      Supplier<NodeCapabilities> capabilities,
      Supplier<Optional<NodeMode>> mode,
      Duration maxWait) {
    this.vertx = vertx;
    this.node = node;
    this.tesseraClient = tessera;
    this.indexSupplier = index;
    this.capabilities = capabilities;
    this.mode = mode;
    this.maxWait = maxWait;
    this.wording = new NotPrivateWording(node);
  }

  /** The node's mode as detected; empty until the node has told. */
  public Optional<NodeMode> mode() {
    return mode.get();
  }

  /** A node without private state: guards of private state step aside. */
  public boolean publicMode() {
    return mode.get().filter(m -> m == NodeMode.PUBLIC).isPresent();
  }

  /** Whether {@code address} is a private contract, and if so who of ours is party to it. */
  public Future<ContractPrivacy> contract(String address, long block) {
    return resolve(address.toLowerCase(Locale.ROOT), OptionalLong.of(block));
  }

  /**
   * As {@link #contract} for what the node holds now, beyond any mined block (a pending log):
   * never answered "public" from the cache, which only vouches for blocks it has seen.
   */
  public Future<ContractPrivacy> contractAtHead(String address) {
    return resolve(address.toLowerCase(Locale.ROOT), OptionalLong.empty());
  }

  private Future<ContractPrivacy> resolve(String key, OptionalLong block) {
    if (publicMode()) {
      return Future.succeededFuture(ContractPrivacy.PUBLIC);
    }
    Long upTo = publicUpTo.getIfPresent(key);
    if (upTo != null && block.isPresent() && block.getAsLong() <= upTo) {
      return Future.succeededFuture(ContractPrivacy.PUBLIC);
    }
    long headBefore = indexSupplier.get().map(i -> i.status().nodeHead()).orElse(-1L);
    return Futures.recover(Futures.compose(isPrivate(key), meta -> {
      if (meta.isPrivate()) {
        return parties(key, meta, block);
      }
      if (headBefore >= 0) {
        publicUpTo.asMap().merge(key, headBefore, Math::max);
      }
      return Future.succeededFuture(ContractPrivacy.PUBLIC);
    }), PrivacyResolver::unavailable);
  }

  /** The parties of a private transaction (by public or marker hash); empty when it is not private. */
  public Future<Optional<Parties>> transaction(String hash) {
    if (publicMode()) {
      return Future.succeededFuture(Optional.empty());
    }
    String key = hash.toLowerCase(Locale.ROOT);
    return Future.fromCompletionStage(
            transactions.get(key, (k, e) -> lookUpTransaction(k).toCompletionStage().toCompletableFuture()),
            vertx.getOrCreateContext())
        .andThen(done -> {
          if (done.succeeded() && !done.result().found()) {
            transactions.synchronous().invalidate(key);
          }
        })
        .map(TxPrivacy::parties)
        .recover(PrivacyResolver::unavailable);
  }

  private Future<PrivacyMetadata> isPrivate(String address) {
    PrivacyMetadata known = completed(metadata.getIfPresent(address));
    if (known != null && known.isPrivate()) { // the cached answer, without a future's round
      return Future.succeededFuture(known);
    }
    return Future.fromCompletionStage(
            metadata.get(address, (k, e) -> node.ask("eth_getContractPrivacyMetadata", k)
                .map(PrivacyMetadata::of)
                .toCompletionStage()
                .toCompletableFuture()),
            vertx.getOrCreateContext())
        .andThen(done -> {
          if (done.succeeded() && !done.result().isPrivate()) {
            metadata.synchronous().invalidate(address);
          }
        });
  }

  private Future<ContractPrivacy> parties(String address, PrivacyMetadata meta, OptionalLong block) {
    return Futures.compose(storedFact(address), fact -> {
      if (fact.isPresent()) {
        return Future.succeededFuture(new ContractPrivacy.Private(fact.get().parties()));
      }
      if (meta.creationPayloadHash().isPresent()) {
        return metadataRewritten(address).compose(rewritten -> rewritten
            ? afterIndexCatchesUp(address, block)
            : tessera().compose(t -> t.parties(meta.creationPayloadHash().get())).map(ContractPrivacy.Private::new));
      }
      return afterIndexCatchesUp(address, block);
    });
  }

  /**
   * Waits (bounded) for the index to pass the node's head, then asks the store again. At the head
   * (no block), the node is asked for it: the index's own idea of the head may not have seen the
   * block that made the contract yet.
   */
  private Future<ContractPrivacy> afterIndexCatchesUp(String address, OptionalLong block) {
    Optional<PrivacyIndex> index = indexSupplier.get();
    if (index.isEmpty()) {
      return Future.failedFuture(RpcError.PRIVACY_UNAVAILABLE.withData("no privacy index"));
    }
    Future<Long> head = block.isPresent()
        ? Future.succeededFuture(block.getAsLong())
        : node.call("eth_blockNumber").map(number -> Long.decode(number.asText()));
    return head.compose(at -> afterIndexReaches(index.get(), address, Math.max(at, index.get().status().nodeHead())));
  }

  private Future<ContractPrivacy> afterIndexReaches(PrivacyIndex index, String address, long target) {
    return index.awaitIndexed(target, maxWait).compose(v -> {
      contracts.synchronous().invalidate(address);
      return storedFact(address);
    }).compose(fact -> fact
        .<Future<ContractPrivacy>>map(f -> Future.succeededFuture(new ContractPrivacy.Private(f.parties())))
        .orElseGet(() -> {
          LOG.debug("private contract {} has no known parties", address);
          return Future.failedFuture(RpcError.PRIVACY_UNAVAILABLE.withData("parties of " + address + " not known"));
        }));
  }

  /**
   * Whether an ignored StateShared named this contract, up to the node's head as it is after the
   * metadata was read: any log that rewrote that metadata is then indexed. No index: assume so.
   */
  private Future<Boolean> metadataRewritten(String address) {
    Optional<PrivacyIndex> index = indexSupplier.get();
    if (index.isEmpty()) {
      return Future.succeededFuture(true);
    }
    return node.call("eth_blockNumber")
        .compose(head -> index.get().awaitIndexed(ChainFormat.quantity(head), maxWait))
        .compose(v -> vertx.executeBlocking(() -> index.get().store().metadataRewritten(address), false))
        .recover(PrivacyResolver::unavailable);
  }

  private Future<Optional<ContractFact>> storedFact(String address) {
    Optional<PrivacyIndex> index = indexSupplier.get();
    if (index.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    Optional<ContractFact> known = completed(contracts.getIfPresent(address));
    if (known != null) {
      return Future.succeededFuture(known);
    }
    IndexStore store = index.get().store();
    return Future.fromCompletionStage(
        contracts.get(address, (k, e) -> vertx.executeBlocking(() -> store.contract(k), false)
            .toCompletionStage().toCompletableFuture()),
        vertx.getOrCreateContext());
  }

  /** The value of a cached lookup that has completed successfully; null otherwise. */
  private static <T> T completed(java.util.concurrent.CompletableFuture<T> cached) {
    return cached != null && cached.isDone() && !cached.isCompletedExceptionally() ? cached.getNow(null) : null;
  }

    private Future<TxPrivacy> lookUpTransaction(String hash) {
    Future<Optional<TxFact>> stored = indexSupplier.get()
        .map(i -> vertx.executeBlocking(() -> i.store().transaction(hash), false))
        .orElse(Future.succeededFuture(Optional.empty()));
    return stored.compose(fact -> fact.isPresent()
        ? Future.succeededFuture(TxPrivacy.privateTo(fact.get().parties()))
        : askNode(hash));
  }

  /** A transaction the index has not recorded (yet): ask the node, then Tessera. */
  private Future<TxPrivacy> askNode(String hash) {
    return node.call("eth_getTransactionByHash", hash).compose(tx -> {
      if (tx == null || tx.isNull()) {
        return Future.succeededFuture(TxPrivacy.NOT_FOUND);
      }
      if (ChainFormat.isPrivate(tx)) {
        return tessera().compose(t -> t.parties(ChainFormat.payloadHash(tx))).map(TxPrivacy::privateTo);
      }
      if (capabilities.get().markerPrecompile().filter(p -> p.equals(ChainFormat.lower(tx.path("to")))).isEmpty()) {
        return Future.succeededFuture(TxPrivacy.PUBLIC);
      }
      return node.call("eth_getPrivateTransactionByHash", hash).compose(this::innerParties);
    });
  }

  /** The private transaction inside a marker; null when no local key is party. */
  private Future<TxPrivacy> innerParties(JsonNode inner) {
    if (inner == null || inner.isNull() || !ChainFormat.isPrivate(inner)) {
      return Future.succeededFuture(TxPrivacy.privateTo(Parties.NONE));
    }
    return tessera().compose(t -> t.parties(ChainFormat.payloadHash(inner))).map(TxPrivacy::privateTo);
  }

  /** Drops cached facts of these contracts (empty: of everything), as the index changes them. */
  public void invalidate(Optional<List<String>> addresses) {
    if (addresses.isPresent()) {
      contracts.synchronous().invalidateAll(addresses.get());
    } else {
      publicUpTo.invalidateAll();
      metadata.synchronous().invalidateAll();
      contracts.synchronous().invalidateAll();
      transactions.synchronous().invalidateAll();
    }
  }

  private Future<TesseraClient> tessera() {
    return tesseraClient
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(RpcError.PRIVACY_UNAVAILABLE.withData("no privacy manager configured")));
  }

  private static <T> Future<T> unavailable(Throwable cause) {
    if (cause instanceof RpcException known && known.error() == RpcError.PRIVACY_UNAVAILABLE) {
      return Future.failedFuture(known);
    }
    if (cause instanceof Waiters.IndexBehindException) {
      return Future.failedFuture(RpcError.PRIVACY_UNAVAILABLE.withData("privacy index is behind the node"));
    }
    LOG.debug("privacy fact unavailable: {}", cause.toString());
    return Future.failedFuture(RpcError.PRIVACY_UNAVAILABLE.exception());
  }
}
