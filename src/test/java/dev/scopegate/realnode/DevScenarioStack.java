package dev.scopegate.realnode;

import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.devnode.DevScenario;
import dev.scopegate.devnode.Scenario;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The dev node (GoQuorum with private state) seeded with two tenants' contracts, Scopegate in
 * front of it with its index caught up, the node's WebSocket for subscriptions and an IPC socket:
 * what the JavaScript clients' isolation scripts run against.
 */
final class DevScenarioStack implements AutoCloseable {
  private final Stack stack;
  private final Scenario scenario;

  private DevScenarioStack(Stack stack, Scenario scenario) {
    this.stack = stack;
    this.scenario = scenario;
  }

  static DevScenarioStack start(Vertx vertx, Path ipc) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    Scenario scenario = DevScenario.seed(node.chain());
    Stack stack = Stack.start(vertx, node, c -> TestConfigs.withWs(
        TestConfigs.withIpc(TestConfigs.withUpstreamWs(c, node.wsUrl()), ipc), queryToken(c.server().ws())));
    stack.awaitIndexed();
    return new DevScenarioStack(stack, scenario);
  }

  /** Tools that cannot set headers on an upgrade (viem's WebSocket transport) use {@code access_token}. */
  private static dev.scopegate.config.Config.Ws queryToken(dev.scopegate.config.Config.Ws ws) {
    return new dev.scopegate.config.Config.Ws(true, ws.allowedOrigins(), ws.maxMessageBytes(), ws.maxConnections(),
        ws.maxConnectionsPerTenant(), ws.idleTimeout());
  }

  Stack stack() {
    return stack;
  }

  Scenario scenario() {
    return scenario;
  }

  /** Every action on contracts of {@code key} (URL-encoded as tokens carry keys). */
  static String owner(String key) {
    return "private://0x0/_/contracts?owned.eoa=0x0&from.tm="
        + key.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
  }

  String tokenA(String... rpc) {
    return token("tenant-a", scenario.keyA(), rpc);
  }

  String tokenB(String... rpc) {
    return token("tenant-b", scenario.keyB(), rpc);
  }

  private String token(String subject, String key, String... rpc) {
    String[] scopes = java.util.Arrays.copyOf(rpc, rpc.length + 1);
    scopes[rpc.length] = owner(key);
    return stack.tokenFor(subject, scopes);
  }

  @Override
  public void close() throws Exception {
    stack.close();
  }
}
