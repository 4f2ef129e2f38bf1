package dev.scopegate.demo;

import dev.scopegate.auth.TokenMinter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What {@code ./scopegate demo --mps} prints: the dev node runs multiple private states ("private"
 * ← KA, PS1 ← KB, PS2 ← KC); tenant A works in PS1 and may sign with the node's first account,
 * tenant B in PS2 with its own keys only.
 */
final class MpsDemoBanner {
  private MpsDemoBanner() {}

  static List<String> scopesOfA(String nodeAccount) {
    return List.of("rpc://eth_*", "rpc://net_*", "rpc://web3_*",
        "psi://PS1?node.eoa=" + nodeAccount + "&self.eoa=0x0");
  }

  static List<String> scopesOfB() {
    return List.of("rpc://eth_*", "rpc://web3_clientVersion", "psi://PS2?self.eoa=0x0");
  }

  static String render(Demo demo, TokenMinter minter, String apiKey) {
    Duration hour = Duration.ofHours(1);
    String account = demo.node().chain().accounts().get(0).hex();
    String tokenA = minter.mint("tenant-a", scopesOfA(account), hour, Map.of());
    String tokenB = minter.mint("tenant-b", scopesOfB(), hour, Map.of());
    String url = "http://127.0.0.1:" + demo.port() + "/";
    String call = "curl -s %s -H 'Content-Type: application/json' -d '%s' " + url + "; echo";
    String inPs1 = demo.scenario().privateB().address().hex();
    String inPs2 = demo.ps2Contract().orElseThrow().hex();
    String getCode = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getCode\",\"params\":[\"%s\",\"latest\"]}";
    return String.join(
        "\n",
        "",
        "Scopegate demo is running, the dev node with multiple private states (PSIs private, PS1, PS2).",
        "",
        "  JSON-RPC endpoint : " + url + "  (HTTP POST; WebSocket at ws://127.0.0.1:" + demo.port() + "/)",
        "  IPC (operators)   : " + demo.ipcPath() + "  (name a PSI in the id: \"id\":\"PS1/1\")",
        "  metrics           : http://127.0.0.1:" + demo.metricsPort() + "/metrics",
        "  dev node          : " + demo.node().httpUrl() + "  (behind Scopegate; unprotected)",
        "",
        "Credentials (tokens valid for an hour; paste these into your shell):",
        "",
        "  export TOKEN_A='" + tokenA + "'",
        "  export TOKEN_B='" + tokenB + "'",
        "  export API_KEY='" + apiKey + "'",
        "",
        "  tenant A scopes: " + String.join(" ", scopesOfA(account)),
        "  tenant B scopes: " + String.join(" ", scopesOfB()),
        "  operator: the API key (X-API-Key), every method, any PSI (Quorum-PSI header or ?PSI=)",
        "",
        "Contracts: " + inPs1 + " in PS1, " + inPs2 + " in PS2",
        "",
        "Try:",
        "",
        "  # tenant A is served from PS1: its contract's code",
        "  " + call.formatted("-H \"Authorization: Bearer $TOKEN_A\"", getCode.formatted(inPs1)),
        "",
        "  # tenant B is served from PS2: PS1's contract does not exist there (0x)",
        "  " + call.formatted("-H \"Authorization: Bearer $TOKEN_B\"", getCode.formatted(inPs1)),
        "",
        "  # tenant B names PS1: refused (403), whatever it names",
        "  " + call.formatted("-H \"Authorization: Bearer $TOKEN_B\" -H 'Quorum-PSI: PS1'", getCode.formatted(inPs1)),
        "",
        "  # which PSI am I in?",
        "  " + call.formatted("-H \"Authorization: Bearer $TOKEN_B\"",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_getPSI\",\"params\":[]}"),
        "",
        "  # tenant A's accounts: only its node.eoa",
        "  " + call.formatted("-H \"Authorization: Bearer $TOKEN_A\"",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"eth_accounts\",\"params\":[]}"),
        "",
        "  # an operator reads PS2",
        "  " + call.formatted("-H \"X-API-Key: $API_KEY\" -H 'Quorum-PSI: PS2'", getCode.formatted(inPs2)),
        "",
        "Stop with Ctrl-C.",
        "");
  }
}
