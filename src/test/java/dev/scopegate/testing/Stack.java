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

  private Stack(DevNode node, Proxy proxy, TokenMinter minter) {
    this.node = node;
    this.proxy = proxy;
    this.minter = minter;
  }

  public static Stack start(Vertx vertx) throws Exception {
    return start(vertx, UnaryOperator.identity());
  }

  /** Starts with the test config, changed by {@code tweak}. */
  public static Stack start(Vertx vertx, UnaryOperator<Config> tweak) throws Exception {
    TokenMinter minter = TokenMinter.generate();
    Path pem = Files.createTempFile("scopegate-issuer-", ".pem");
    pem.toFile().deleteOnExit();
    minter.writePublicKeyPem(pem);
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    Config config =
        TestConfigs.config(node.httpUrl(), TestConfigs.jwt(Optional.of(pem), Optional.empty()));
    return new Stack(node, Proxy.start(vertx, tweak.apply(config)), minter);
  }

  public DevNode node() {
    return node;
  }

  public Proxy proxy() {
    return proxy;
  }

  /** A token for a tenant holding {@code scopes}, valid for five minutes. */
  public String token(String... scopes) {
    return minter.mint("tenant", List.of(scopes), Duration.ofMinutes(5), Map.of());
  }

  @Override
  public void close() throws Exception {
    proxy.close();
    node.close().await(10, TimeUnit.SECONDS);
  }
}
