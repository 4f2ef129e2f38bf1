package dev.scopegate.privacy;

import dev.scopegate.Scopegate;
import dev.scopegate.config.Config;
import dev.scopegate.devnode.Address;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.devnode.MinedTransaction;
import dev.scopegate.devnode.PrivacyRequest;
import dev.scopegate.devnode.TransactionRequest;
import dev.scopegate.testing.TestConfigs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** A dev node with private state, and Scopegate indexing it into {@code indexDir}. */
final class IndexedChain implements AutoCloseable {
  final Vertx vertx;
  final DevNode node;
  final Path indexDir;
  Scopegate proxy;

  private IndexedChain(Vertx vertx, DevNode node, Path indexDir) {
    this.vertx = vertx;
    this.node = node;
    this.indexDir = indexDir;
  }

  static IndexedChain node(Vertx vertx, Path indexDir, UnaryOperator<DevNodeOptions> options) throws Exception {
    DevNode node = DevNode.start(vertx, options.apply(DevNodeOptions.defaults())).await(10, TimeUnit.SECONDS);
    return new IndexedChain(vertx, node, indexDir);
  }

  Config config() {
    Config base = TestConfigs.config(node.httpUrl(), TestConfigs.jwt(Optional.empty(), Optional.empty()));
    return TestConfigs.withPrivacy(base, node.tessera().url().toString(), indexDir);
  }

  IndexedChain startProxy() throws Exception {
    return startProxy(config(), false);
  }

  IndexedChain startProxy(Config config, boolean reindex) throws Exception {
    proxy = Scopegate.start(vertx, config, reindex).await(20, TimeUnit.SECONDS);
    return this;
  }

  void stopProxy() throws Exception {
    proxy.stop().await(20, TimeUnit.SECONDS);
    proxy = null;
  }

  PrivacyResolver resolver() {
    return proxy.privacy().resolver();
  }

  IndexStatus status() {
    return proxy.privacy().status().orElseThrow(() -> new AssertionError("index not open"));
  }

  /** Waits until the index has applied the node's current head. */
  void awaitCaughtUp() throws Exception {
    long head = node.chain().head().number();
    PrivacyIndex index = proxy.privacy().index().orElseThrow(() -> new AssertionError("index not open"));
    index.awaitIndexed(head, Duration.ofSeconds(20)).await(30, TimeUnit.SECONDS);
  }

  Address account(int i) {
    return node.chain().accounts().get(i);
  }

  /** Mines a private contract creation from {@code from} with these Tessera keys. */
  Address createPrivate(String code, String privateFrom, String... privateFor) {
    MinedTransaction mined = mine(TransactionRequest.create(account(0), code)
        .withPrivacy(PrivacyRequest.local(privateFrom, List.of(privateFor), 0)));
    return mined.local().privateReceipt().orElseThrow().contractAddress().orElseThrow();
  }

  Address createPublic(String code) {
    return mine(TransactionRequest.create(account(0), code)).receipt().contractAddress().orElseThrow();
  }

  MinedTransaction mine(TransactionRequest request) {
    return node.chain().mineTransaction(request);
  }

  <T> T await(Future<T> future) throws Exception {
    return future.await(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    if (proxy != null) {
      stopProxy();
    }
    node.close().await(10, TimeUnit.SECONDS);
  }
}
