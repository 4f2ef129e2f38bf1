package dev.scopegate.demo;

import dev.scopegate.Scopegate;
import dev.scopegate.auth.TokenMinter;
import dev.scopegate.config.Config;
import dev.scopegate.config.ConfigLoader;
import dev.scopegate.devnode.Address;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevTessera;
import dev.scopegate.devnode.PrivacyRequest;
import dev.scopegate.devnode.TransactionRequest;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.devnode.DevScenario;
import dev.scopegate.devnode.Scenario;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./scopegate demo}: the dev node, Scopegate in front of it, a fresh signing key, two
 * tenants' tokens and the operator key, printed with commands to try.
 */
public final class Demo {
  static final int DEFAULT_PORT = 8545;
  static final int DEFAULT_METRICS_PORT = 8082;

  private final DevNode node;
  private final Scopegate proxy;
  private final Path keyDir;
  private final TokenMinter minter;
  private final String apiKey;
  private final Scenario scenario;
  private final DemoPorts ports;
  private final Optional<Address> ps2Contract;

  private Demo(
      DevNode node, Scopegate proxy, Path keyDir, TokenMinter minter, String apiKey, Scenario scenario,
      DemoPorts ports, Optional<Address> ps2Contract) {
    this.ports = ports;
    this.ps2Contract = ps2Contract;
    this.node = node;
    this.proxy = proxy;
    this.keyDir = keyDir;
    this.minter = minter;
    this.apiKey = apiKey;
    this.scenario = scenario;
  }

  /**
   * Starts everything. {@code env} is applied as Scopegate's environment, so SCOPEGATE_* variables
   * still work (e.g. {@code SCOPEGATE_SERVER_PORT}); an API key given there is used, else one is
   * generated.
   */
  public static Future<Demo> start(Vertx vertx, Map<String, String> env) {
    return start(vertx, env, false);
  }

  /** As above; {@code mps}: the dev node runs multiple private states (tenants in PS1 and PS2). */
  public static Future<Demo> start(Vertx vertx, Map<String, String> env, boolean mps) {
    TokenMinter minter = TokenMinter.generate();
    Path keyDir = writeKey(minter);
    String given = env.getOrDefault("AUTH_API_KEY", env.getOrDefault("SCOPEGATE_AUTH_APIKEY", ""));
    String apiKey = given.isEmpty() ? randomKey() : given;
    DemoPorts ports = DemoPorts.choose(env);
    return DevNode.start(vertx, DevNodeOptions.defaults().withMultiplePrivateStates(mps))
        .compose(
            node -> {
              Scenario scenario = DevScenario.seed(node.chain());
              Optional<Address> inPs2 = mps ? Optional.of(seedPs2(node)) : Optional.empty();
              Config config = config(node, keyDir.resolve("issuer.pem"), apiKey, ports.env());
              return Scopegate.start(vertx, config)
                  .onFailure(e -> node.close())
                  .map(proxy -> new Demo(node, proxy, keyDir, minter, apiKey, scenario, ports, inPs2));
            })
        .onFailure(e -> delete(keyDir));
  }

  /** Why the demo did not take its default ports, when it did not; empty otherwise. */
  public java.util.List<String> portNotes() {
    return ports.notes(port(), metricsPort());
  }

  /** What to print: endpoints, fresh tokens for both tenants, the API key, commands to try. */
  public String banner() {
    return ps2Contract.isPresent()
        ? MpsDemoBanner.render(this, minter, apiKey)
        : DemoBanner.render(this, minter, apiKey);
  }

  /** With multiple private states, a contract in PS2 (the seeded B contract lives in PS1). */
  private static Address seedPs2(DevNode node) {
    Address from = node.chain().accounts().get(0);
    return node.chain().mineTransaction(TransactionRequest.create(from, PS2_CODE)
            .withPrivacy(PrivacyRequest.local(DevTessera.KC, List.of(), 0)))
        .local().privateReceipt().orElseThrow().contractAddress().orElseThrow();
  }

  static final String PS2_CODE = "0x2020c0de";

  /** Multiple private states only: the contract seeded in PS2. */
  public Optional<Address> ps2Contract() {
    return ps2Contract;
  }

  private static Config config(DevNode node, Path pem, String apiKey, Map<String, String> env) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put(
        "upstream",
        Map.of(
            "http", node.httpUrl().toString(),
            "ws", node.wsUrl().toString(),
            "privacyManager", node.tessera().url().toString()));
    tree.put("ipc", Map.of("path", pem.getParent().resolve("scopegate.ipc").toString()));
    // the dev node's extension management contract is its own code, not GoQuorum's compiled one
    tree.put("privacy", Map.of("index", Map.of("path", pem.getParent().resolve("index").toString()),
        "extenderCodeHashes", java.util.List.of(dev.scopegate.devnode.ExtenderContract.RUNTIME_HASH)));
    tree.put("server", Map.of("port", DEFAULT_PORT));
    tree.put("metrics", Map.of("port", DEFAULT_METRICS_PORT));
    tree.put(
        "auth",
        Map.of("apiKey", apiKey, "jwt", Map.of("publicKeyFile", pem.toString())));
    return ConfigLoader.fromMap(tree, env);
  }

  private static Path writeKey(TokenMinter minter) {
    try {
      Path dir = Files.createTempDirectory("scopegate-demo-");
      minter.writePublicKeyPem(dir.resolve("issuer.pem"));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo's signing key", e);
    }
  }

  private static String randomKey() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  public int port() {
    return proxy.httpPort();
  }

  /** The port of the demo's Prometheus metrics. */
  public int metricsPort() {
    return proxy.metricsPort();
  }

  /** The operators' IPC socket of the demo. */
  public Path ipcPath() {
    return proxy.ipcPath().orElseThrow();
  }

  /** The running proxy. */
  public Scopegate proxy() {
    return proxy;
  }

  public DevNode node() {
    return node;
  }

  /** The seeded contracts of tenants A and B. */
  public Scenario scenario() {
    return scenario;
  }

  /** A fresh token of tenant A, with the scopes the banner prints (the class-data training). */
  String tokenOfA() {
    return minter.mint("tenant-a", DemoBanner.scopesOfA(scenario), java.time.Duration.ofMinutes(5), Map.of());
  }

  /** The operator's API key. */
  String apiKey() {
    return apiKey;
  }

  /** Where the dev node's key and the index live (removed on stop). */
  Path directory() {
    return keyDir;
  }

  public Future<Void> stop() {
    return proxy.shutdown().eventually(node::close).andThen(done -> delete(keyDir));
  }

  /** Removes the demo's key and index: everything the demo made lives in its temp directory. */
  private static void delete(Path keyDir) {
    try (var files = Files.walk(keyDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }
}
