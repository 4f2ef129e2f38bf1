package dev.scopegate.testing;

import dev.scopegate.auth.TokenMinter;
import dev.scopegate.config.Config;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * What most wire tests run: the dev node, Scopegate in front of it, and an issuer whose tokens
 * Scopegate trusts.
 */
public final class Stack implements AutoCloseable {
  private final DevNode node;
  private final Proxy proxy;
  private final TokenMinter minter;
  private final Path dir;

  private Stack(DevNode node, Proxy proxy, TokenMinter minter, Path dir) {
    this.node = node;
    this.proxy = proxy;
    this.minter = minter;
    this.dir = dir;
  }

  public static Stack start(Vertx vertx) throws Exception {
    return start(vertx, UnaryOperator.identity());
  }

  /** Starts with the test config, changed by {@code tweak}. */
  public static Stack start(Vertx vertx, UnaryOperator<Config> tweak) throws Exception {
    return start(vertx, DevNodeOptions.defaults(), tweak);
  }

  /**
   * Starts a dev node with {@code options}, and Scopegate in front of it with the test config
   * (its Tessera as privacy manager, a fresh privacy index), changed by {@code tweak}.
   */
  public static Stack start(Vertx vertx, DevNodeOptions options, UnaryOperator<Config> tweak)
      throws Exception {
    TokenMinter minter = TokenMinter.generate();
    Path dir = Files.createTempDirectory("scopegate-stack-");
    Path pem = dir.resolve("issuer.pem");
    minter.writePublicKeyPem(pem);
    DevNode node = DevNode.start(vertx, options).await(10, TimeUnit.SECONDS);
    return start(vertx, node, minter, dir, tweak);
  }

  /** As {@link #start(Vertx, UnaryOperator)}, with the limits' buckets in {@code store}. */
  public static Stack start(Vertx vertx, dev.scopegate.limits.BucketStore store, UnaryOperator<Config> tweak)
      throws Exception {
    TokenMinter minter = TokenMinter.generate();
    Path dir = Files.createTempDirectory("scopegate-stack-");
    minter.writePublicKeyPem(dir.resolve("issuer.pem"));
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    Config config = TestConfigs.withPrivacy(
        TestConfigs.config(node.httpUrl(), TestConfigs.jwt(Optional.of(dir.resolve("issuer.pem")), Optional.empty())),
        node.tessera().url().toString(),
        dir.resolve("index"));
    return new Stack(node, Proxy.start(vertx, tweak.apply(config), store), minter, dir);
  }

  /** The directory this stack's files live in (removed at close). */
  public Path dir() {
    return dir;
  }

  /** Scopegate in front of a node the caller has started (and seeded). */
  public static Stack start(Vertx vertx, DevNode node, UnaryOperator<Config> tweak) throws Exception {
    TokenMinter minter = TokenMinter.generate();
    Path dir = Files.createTempDirectory("scopegate-stack-");
    minter.writePublicKeyPem(dir.resolve("issuer.pem"));
    return start(vertx, node, minter, dir, tweak);
  }

  /**
   * As {@link #start(Vertx, DevNode, UnaryOperator)}, with the limits' buckets in {@code store}
   * and the HTTP port served on {@code eventLoops} event loops.
   */
  public static Stack start(Vertx vertx, DevNode node, dev.scopegate.limits.BucketStore store,
      int eventLoops, UnaryOperator<Config> tweak) throws Exception {
    TokenMinter minter = TokenMinter.generate();
    Path dir = Files.createTempDirectory("scopegate-stack-");
    minter.writePublicKeyPem(dir.resolve("issuer.pem"));
    return new Stack(node, Proxy.start(vertx, tweak.apply(config(node, dir)), store, eventLoops), minter, dir);
  }

  private static Stack start(
      Vertx vertx, DevNode node, TokenMinter minter, Path dir, UnaryOperator<Config> tweak)
      throws Exception {
    return new Stack(node, Proxy.start(vertx, tweak.apply(config(node, dir))), minter, dir);
  }

  private static Config config(DevNode node, Path dir) {
    return TestConfigs.withPrivacy(
        TestConfigs.config(node.httpUrl(), TestConfigs.jwt(Optional.of(dir.resolve("issuer.pem")), Optional.empty())),
        node.tessera().url().toString(),
        dir.resolve("index"));
  }

  public DevNode node() {
    return node;
  }

  public Proxy proxy() {
    return proxy;
  }

  public TokenMinter minter() {
    return minter;
  }

  /** A token for a tenant holding {@code scopes}, valid for five minutes. */
  public String token(String... scopes) {
    return tokenFor("tenant", scopes);
  }

  /** A token whose subject is {@code subject} (the identity filters are bound to). */
  public String tokenFor(String subject, String... scopes) {
    return minter.mint(subject, List.of(scopes), Duration.ofMinutes(5), Map.of());
  }

  /** Waits until the privacy index has applied the node's current head, and Scopegate follows it. */
  public void awaitIndexed() throws Exception {
    long head = node.chain().head().number();
    proxy.scopegate().privacy().index().orElseThrow()
        .awaitIndexed(head, java.time.Duration.ofSeconds(20))
        .await(30, TimeUnit.SECONDS);
    // and the head as Scopegate follows it (newHeads): a read at latest is pinned there, and the
    // announcement may still be on its way when the index has caught up
    var heads = proxy.scopegate().privacy().heads();
    Eventually.until(() -> heads.known().isEmpty() || heads.known().getAsLong() >= head,
        "Scopegate to follow the head to block " + head);
  }

  @Override
  public void close() throws Exception {
    proxy.close();
    node.close().await(10, TimeUnit.SECONDS);
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
