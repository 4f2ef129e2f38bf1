package dev.scopegate.bench;

import dev.scopegate.Main;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scopegate.auth.TokenMinter;
import dev.scopegate.devnode.Address;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.devnode.DevScenario;
import dev.scopegate.devnode.DevTessera;
import dev.scopegate.devnode.MinedTransaction;
import dev.scopegate.devnode.PrivacyRequest;
import dev.scopegate.devnode.Scenario;
import dev.scopegate.devnode.TransactionRequest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The benchmark's dev node (bench/run.sh): the demo's two tenants, 50 contracts with 1 000 logs
 * between them, {@code blocks} generated blocks for the index backfill, a signing key, a tenant
 * token and an API key, all written to {@code DIR/node.json}. A control port counts the calls the
 * node received ({@code GET /count}) and mines an empty block ({@code POST /mine}) for the
 * newHeads fan-out. Runs until killed. Not part of the product: a fixture for the benchmark.
 *
 * <p>Usage: {@code java -cp target/scopegate.jar dev.scopegate.bench.BenchNode DIR BLOCKS}
 */
public final class BenchNode {
  static final int LOG_CONTRACTS = 50;
  static final int LOGS_PER_CONTRACT = 20;

  private BenchNode() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int blocks = Integer.parseInt(args[1]);
    Vertx vertx = Main.newVertx();
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).toCompletionStage().toCompletableFuture().get();
    Scenario scenario = DevScenario.seed(node.chain());
    List<Address> logContracts = seedLogs(node, scenario);
    // the backfill's share: about a third of the blocks carry one private transaction
    node.chain().generate(blocks, 0.3, 42);
    HttpServer control = vertx.createHttpServer().requestHandler(request -> {
      switch (request.path()) {
        case "/count" -> request.response().end(Long.toString(node.requestCount().get()));
        case "/mine" -> vertx.<Long>executeBlocking(() -> node.chain().mineBlock(List.of()).number())
            .onSuccess(n -> request.response().end(Long.toString(n)));
        default -> request.response().setStatusCode(404).end();
      }
    }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get();

    TokenMinter minter = TokenMinter.generate();
    minter.writePublicKeyPem(dir.resolve("issuer.pem"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("http", node.httpUrl().toString());
    out.put("ws", node.wsUrl().toString());
    out.put("tessera", node.tessera().url().toString());
    out.put("control", "http://127.0.0.1:" + control.actualPort());
    out.put("head", node.chain().head().number());
    out.put("tokenA", minter.mint("tenant-a", scopesOfA(scenario), Duration.ofHours(3), Map.of()));
    out.put("privateA", scenario.privateA().address().hex());
    out.put("logContracts", logContracts.stream().map(Address::hex).toList());
    out.put("logsFromBlock", "0x1");
    out.put("pid", ProcessHandle.current().pid());
    Path json = dir.resolve("node.json");
    Files.writeString(dir.resolve("node.json.tmp"), new ObjectMapper().writeValueAsString(out));
    Files.move(dir.resolve("node.json.tmp"), json); // the script waits for this file: whole or absent
    System.out.println("bench node ready: " + json);
    new CountDownLatch(1).await(); // until killed
  }

  /** Tenant A as in the demo: eth_*, net_*, web3_* and its own key, signing as its own account. */
  static List<String> scopesOfA(Scenario scenario) {
    String key = DevTessera.KA.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
    return List.of("rpc://eth_*", "rpc://net_*", "rpc://web3_*",
        "private://" + scenario.ownerA() + "/_/contracts?owned.eoa=0x0&from.tm=" + key);
  }

  /**
   * 50 contracts — 20 private to A, 20 private to B, 10 public — then 20 blocks each calling
   * every one once: 1 000 logs, of which tenant A may see 600 (its own and the public ones).
   */
  private static List<Address> seedLogs(DevNode node, Scenario scenario) {
    PrivacyRequest onlyA = PrivacyRequest.local(DevTessera.KA, List.of(), 0);
    PrivacyRequest onlyB = PrivacyRequest.local(DevTessera.KB, List.of(), 0);
    List<Address> contracts = new ArrayList<>();
    List<Address> senders = new ArrayList<>();
    List<Optional<PrivacyRequest>> privacy = new ArrayList<>();
    for (int i = 0; i < LOG_CONTRACTS; i++) {
      Optional<PrivacyRequest> p = i < 20 ? Optional.of(onlyA) : i < 40 ? Optional.of(onlyB) : Optional.empty();
      Address from = i >= 20 && i < 40 ? scenario.ownerB() : scenario.ownerA();
      TransactionRequest create = TransactionRequest.create(from, "0x6080604052" + String.format("%04x", i));
      MinedTransaction mined = node.chain().mineTransaction(p.map(create::withPrivacy).orElse(create));
      Address address = p.isPresent()
          ? mined.local().privateReceipt().orElseThrow().contractAddress().orElseThrow()
          : mined.receipt().contractAddress().orElseThrow();
      contracts.add(address);
      senders.add(from);
      privacy.add(p);
    }
    for (int round = 0; round < LOGS_PER_CONTRACT; round++) {
      List<TransactionRequest> calls = new ArrayList<>();
      for (int i = 0; i < LOG_CONTRACTS; i++) {
        TransactionRequest call = TransactionRequest.call(senders.get(i), contracts.get(i), "0xca11" + String.format("%04x", round));
        calls.add(privacy.get(i).map(call::withPrivacy).orElse(call));
      }
      node.chain().mineBlock(calls);
    }
    return contracts;
  }
}
