package dev.scopegate.realnode;

import dev.scopegate.auth.TokenMinter;
import dev.scopegate.config.Config;
import dev.scopegate.testing.Proxy;
import dev.scopegate.testing.TestConfigs;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A real anvil and Scopegate in front of it (HTTP and the node's WebSocket, no privacy manager),
 * with an issuer whose tokens Scopegate trusts and an operator IPC socket.
 */
final class AnvilStack implements AutoCloseable {
  private final Anvil anvil;
  private final Proxy proxy;
  private final TokenMinter minter;
  private final Path dir;

  private AnvilStack(Anvil anvil, Proxy proxy, TokenMinter minter, Path dir) {
    this.anvil = anvil;
    this.proxy = proxy;
    this.minter = minter;
    this.dir = dir;
  }

  static AnvilStack start(Vertx vertx, String... anvilFlags) throws Exception {
    return start(vertx, UnaryOperator.identity(), anvilFlags);
  }

  static AnvilStack start(Vertx vertx, UnaryOperator<Config> tweak, String... anvilFlags) throws Exception {
    Anvil anvil = Anvil.start(anvilFlags);
    Path dir = Files.createTempDirectory("scopegate-anvil-");
    try {
      TokenMinter minter = TokenMinter.generate();
      minter.writePublicKeyPem(dir.resolve("issuer.pem"));
      Config config = TestConfigs.withIpc(
          TestConfigs.withUpstreamWs(
              TestConfigs.config(anvil.http(), TestConfigs.jwt(Optional.of(dir.resolve("issuer.pem")), Optional.empty())),
              anvil.ws()),
          dir.resolve("sg.ipc"));
      return new AnvilStack(anvil, Proxy.start(vertx, tweak.apply(config)), minter, dir);
    } catch (Exception | AssertionError e) {
      anvil.close();
      throw e;
    }
  }

  Anvil anvil() {
    return anvil;
  }

  Proxy proxy() {
    return proxy;
  }

  /** A tenant token with these scopes, valid for five minutes. */
  String token(String... scopes) {
    return minter.mint("tenant", List.of(scopes), Duration.ofMinutes(5), Map.of());
  }

  Path ipc() {
    return proxy.scopegate().ipcPath().orElseThrow();
  }

  @Override
  public void close() throws Exception {
    try {
      proxy.close();
    } finally {
      anvil.close();
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
