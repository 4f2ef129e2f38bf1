package dev.scopegate.demo;

import dev.scopegate.auth.TokenMinter;
import dev.scopegate.devnode.DevTessera;
import dev.scopegate.devnode.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What the demo prints: endpoints, credentials, and commands to try. */
final class DemoBanner {
  /** Privacy-manager keys of the two demo tenants: two of the dev node's Tessera keys. */
  static final String KEY_A = DevTessera.KA;
  static final String KEY_B = DevTessera.KB;

  private DemoBanner() {}

  /**
   * Each tenant acts as its own node account only (the grant's first part): {@code 0x0} there
   * would let it sign with every account the node holds.
   */
  static List<String> scopesOfA(Scenario scenario) {
    return List.of(
        "rpc://eth_*", "rpc://net_*", "rpc://web3_*",
        "private://" + scenario.ownerA() + "/_/contracts?owned.eoa=0x0&from.tm=" + encode(KEY_A));
  }

  static List<String> scopesOfB(Scenario scenario) {
    return List.of(
        "rpc://eth_blockNumber", "rpc://eth_getLogs", "rpc://web3_clientVersion",
        "private://" + scenario.ownerB() + "/_/contracts?owned.eoa=0x0&from.tm=" + encode(KEY_B));
  }

  /** URL-encodes a base64 key as a scope carries it. */
  static String encode(String key) {
    return key.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
  }

  static String render(Demo demo, TokenMinter minter, String apiKey) {
    Duration hour = Duration.ofHours(1);
    String tokenA = minter.mint("tenant-a", scopesOfA(demo.scenario()), hour, Map.of());
    String tokenB = minter.mint("tenant-b", scopesOfB(demo.scenario()), hour, Map.of());
    String url = "http://127.0.0.1:" + demo.port() + "/";
    String call = "curl -s %s -H 'Content-Type: application/json' -d '%s' " + url + "; echo";
    return String.join(
        "\n",
        "",
        "Scopegate demo is running.",
        "",
        "  JSON-RPC endpoint : " + url + "  (HTTP POST; WebSocket at ws://127.0.0.1:" + demo.port() + "/)",
        "  IPC (operators)   : " + demo.ipcPath(),
        "  metrics           : http://127.0.0.1:" + demo.metricsPort() + "/metrics  (Prometheus, no credentials)",
        "  dev node          : " + demo.node().httpUrl() + "  (behind Scopegate; unprotected)",
        demo.portNotes().stream().map(note -> "  note: " + note + "\n").collect(java.util.stream.Collectors.joining()),
        "Credentials (tokens valid for an hour; paste these into your shell):",
        "",
        "  export TOKEN_A='" + tokenA + "'",
        "  export TOKEN_B='" + tokenB + "'",
        "  export API_KEY='" + apiKey + "'",
        "",
        "  tenant A scopes: " + String.join(" ", scopesOfA(demo.scenario())),
        "  tenant B scopes: " + String.join(" ", scopesOfB(demo.scenario())),
        "  (each tenant signs only as its own node account, named first in its private:// scope:"
            + " A as " + demo.scenario().ownerA() + ", B as " + demo.scenario().ownerB() + ")",
        "  operator: the API key (X-API-Key), every method",
        "",
        "Contracts (dev node, seeded): A's " + demo.scenario().privateA().address()
            + ", B's " + demo.scenario().privateB().address()
            + ", shared " + demo.scenario().shared().address(),
        "",
        "Try:",
        "",
        "  # allowed: tenant A reads the chain id",
        "  " + call.formatted("-H \"Authorization: Bearer $TOKEN_A\"",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"),
        "",
        "  # tenant A reads the code of its private contract",
        "  " + call.formatted("-H \"Authorization: Bearer $TOKEN_A\"",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_getCode\",\"params\":[\""
                + demo.scenario().privateA().address() + "\",\"latest\"]}"),
        "",
        "  # tenant A lists the accounts it may sign with: its own only",
        "  " + call.formatted("-H \"Authorization: Bearer $TOKEN_A\"",
            "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"eth_accounts\",\"params\":[]}"),
        "",
        "  # tenant A calls B's private contract: not authorized (its code reads as 0x to A)",
        "  " + call.formatted("-H \"Authorization: Bearer $TOKEN_A\"",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"eth_call\",\"params\":[{\"to\":\""
                + demo.scenario().privateB().address() + "\",\"data\":\"0x\"},\"latest\"]}"),
        "",
        "  # tenant B sees only the logs of contracts its key is party to",
        "  " + call.formatted("-H \"Authorization: Bearer $TOKEN_B\"",
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"eth_getLogs\",\"params\":[{\"fromBlock\":\"0x0\"}]}"),
        "",
        "  # denied: tenant B has no grant for net_version",
        "  " + call.formatted("-H \"Authorization: Bearer $TOKEN_B\"",
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"net_version\",\"params\":[]}"),
        "",
        "  # a batch: tenant B's allowed call is answered, the denied one refused",
        "  " + call.formatted("-H \"Authorization: Bearer $TOKEN_B\"",
            "[{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"eth_blockNumber\",\"params\":[]},"
                + "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"eth_chainId\",\"params\":[]}]"),
        "",
        "  # operator: the API key passes every method, unfiltered (all the logs)",
        "  " + call.formatted("-H \"X-API-Key: $API_KEY\"",
            "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"eth_getLogs\",\"params\":[{\"fromBlock\":\"0x0\"}]}"),
        "",
        "  # operator over IPC (needs socat; no token: the socket file's permissions are the boundary)",
        "  echo '{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"eth_getCode\",\"params\":[\""
            + demo.scenario().privateB().address() + "\",\"latest\"]}' | socat -t2 - UNIX-CONNECT:"
            + demo.ipcPath() + ",shut-none",
        "",
        "  # what the calls above did, as Prometheus scrapes it",
        "  curl -s http://127.0.0.1:" + demo.metricsPort() + "/metrics | grep '^scopegate_calls_total'",
        "",
        "  # no token: HTTP 401",
        "  curl -si -H 'Content-Type: application/json' -d '{\"jsonrpc\":\"2.0\",\"id\":9,"
            + "\"method\":\"eth_chainId\"}' " + url + "; echo",
        "",
        "Ctrl-C stops the demo.",
        "");
  }
}
